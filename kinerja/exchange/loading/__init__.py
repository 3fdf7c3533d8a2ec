"""Loading a checked dataset into the database (report, unit of work, organisation, plan, figures)."""
