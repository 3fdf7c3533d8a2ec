"""Every write of targets, actuals and evidence: validated, in one transaction, with messages in the reader's
language (English msgids, Indonesian in the catalogue).

One door: pages, the API, the admin, the import and the commands call these functions, and each checks both who
may (through `kinerja.accounts.access` only: `may_plan` for targets, `may_enter_actuals` for actuals) and every
domain rule (year and quarter inside the plan, period open, editable state, indicators fed by the SAKIP
evaluation, ratio terms, numbers the database can hold). They raise `PermissionDenied` (who may) or
`ValidationError` naming the field (what is allowed); each door turns them into its own answer.

Trusted paths are named as such: `actor=None` is the system itself (a management command, the loader of a new
agency; no person to ask about), `is_example=True` is the example-data command, and `feed_actual` is the SAKIP
evaluation writing its score into the indicators it feeds. No door passes any of them.

The package, by subject (this module only names the doors, so that every caller asks `services.<write>`):

- `checks` — the shared checks: the year inside the plan, the quarter, a count's whole number, the stored decimals;
- `targets` — the rules of one target, setting and clearing it, the quarters against the year's target;
- `actuals` — the rules of one actual, recording it, the SAKIP evaluation feeding its score;
- `kinerja.performance.evidence` — evidence files of an actual (re-exported here: one door for every write).
"""

from ..evidence import add_evidence, evidence_description, remove_evidence
from .actuals import (
    TEXT_MAX,
    WRITTEN,
    actual_description,
    checked_actual,
    checked_terms,
    checked_texts,
    feed_actual,
    realised_value,
    record_actual,
)
from .checks import STORED, stored_amount
from .targets import checked_target, quarter_target_warnings, set_target, target_description, target_period_checked

__all__ = [
    "STORED",
    "TEXT_MAX",
    "WRITTEN",
    "actual_description",
    "add_evidence",
    "checked_actual",
    "checked_target",
    "checked_terms",
    "checked_texts",
    "evidence_description",
    "feed_actual",
    "quarter_target_warnings",
    "realised_value",
    "record_actual",
    "remove_evidence",
    "set_target",
    "stored_amount",
    "target_description",
    "target_period_checked",
]
