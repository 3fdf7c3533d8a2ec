"""Every write of a SAKIP evaluation: checked, permitted by `kinerja.accounts.access`, in one transaction, audited.

Who does what: the agency's planner or head prepares the self-assessment (answers, notes, evidence) and sends it;
only the inspectorate of the region answers as evaluator, and finalises; a final evaluation writes the score as
the quarter-4 actual of every indicator of the agency fed by the evaluation (`Indicator.fed_by`), through
`performance.services.feed_actual` (its named trusted path), with a link to the evaluation's result page as its
evidence (`performance.Evidence.link`), and turns every recommendation into a follow-up item.

The package, by subject (this module only names the doors, so that every caller asks `services.<write>`):

- `rules` — who may prepare and who sees the verdict, the checks of a letter and a text, the audit description;
- `steps` — start an evaluation, send the self-assessment (`IncompleteSelfAssessment`), finalise;
- `answers` — the self-assessment and the evaluator's answer of one criterion;
- `feeding` — the final score as the actual of the indicators the evaluation feeds;
- `evidence` — a file or a link as evidence of an answer or a follow-up, and removing it;
- `follow_up` — the agency's answer to a recommendation, the inspectorate's mark.
"""

from .answers import save_evaluator_answer, save_self_assessment
from .evidence import add_evidence_file, add_evidence_link, remove_evidence
from .feeding import FED_BY, FED_QUARTER, fed_indicators, result_url
from .follow_up import answer_follow_up, mark_follow_up
from .rules import TEXT_MAX, may_prepare, may_see_verdict
from .steps import IncompleteSelfAssessment, finalise, incomplete_message, start_evaluation, submit_self_assessment

__all__ = [
    "FED_BY",
    "FED_QUARTER",
    "TEXT_MAX",
    "IncompleteSelfAssessment",
    "add_evidence_file",
    "add_evidence_link",
    "answer_follow_up",
    "fed_indicators",
    "finalise",
    "incomplete_message",
    "mark_follow_up",
    "may_prepare",
    "may_see_verdict",
    "remove_evidence",
    "result_url",
    "save_evaluator_answer",
    "save_self_assessment",
    "start_evaluation",
    "submit_self_assessment",
]
