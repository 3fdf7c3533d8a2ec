"""After a change of the plan, the consistency check runs again and the page says how many findings it reports: the
counting lives in `core.finding_counts` (the organisation's pages ask it too); its names stay importable here."""

from kinerja.core.finding_counts import count_findings, findings_message, register_finding_counter, saved_message

__all__ = ["count_findings", "findings_message", "register_finding_counter", "saved_message"]
