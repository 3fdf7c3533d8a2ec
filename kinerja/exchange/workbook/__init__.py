"""The agency workbook (.xlsx): the dataset of data/SCHEMA.md as sheets a planner fills in Excel.

ONE column table (`columns.SHEETS`: sheet → columns with their Indonesian header, dataset key, type, closed
choices and help text) drives the writing (headers, drop-down lists, the "Petunjuk" sheet: `shape`) and the
reading (which column is which, how a cell becomes a dataset value, which cell is wrong: `shape`, `cells`). A read
workbook becomes the dataset dict (`rows`) and goes through the same schema and loader as a YAML or JSON file (one
schema, three views). `xlsx` opens a file safely and saves one.

Every cell's problem is kept with its sheet, row and column; `origins` remembers which sheet row each record of
the dataset came from, so the schema's and the loader's problems are put back on their cells (`rows.locate`).
"""
