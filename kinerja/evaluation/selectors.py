"""Reads of the SAKIP evaluation, each in a fixed number of queries whatever the number of criteria or agencies."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import CharField, Count, Prefetch, Q
from django.db.models.functions import Cast

from kinerja.organisation.models import Agency, Region

from . import scoring
from .models import Answer, Component, Criterion, Evaluation, EvaluationEvidence, FollowUp, SubComponent


def criteria_of(version: object) -> list[Criterion]:
    """Every criterion of a worksheet version in the worksheet's order (1 query)."""
    return list(
        Criterion.objects.filter(sub_component__component__version=version).order_by(
            "sub_component__component__order", "sub_component__order", "order"
        )
    )


@dataclass
class SubComponentView:
    sub: SubComponent
    answers: list[Answer] = field(default_factory=list)
    score: Decimal | None = None
    self_score: Decimal | None = None


@dataclass
class ComponentView:
    component: Component
    subs: list[SubComponentView] = field(default_factory=list)
    score: Decimal | None = None
    self_score: Decimal | None = None


@dataclass
class Worksheet:
    """An evaluation laid out as its worksheet: components → sub-components → answers, with the evaluator's
    scores (`result`) and the self-assessment's (`self_result`)."""

    evaluation: Evaluation
    components: list[ComponentView]
    result: scoring.WorksheetResult
    self_result: scoring.WorksheetResult

    @property
    def answers(self) -> list[Answer]:
        return [answer for component in self.components for sub in component.subs for answer in sub.answers]

    @property
    def recommendations(self) -> list[Answer]:
        return [answer for answer in self.answers if answer.recommendation]


def _inputs(components: list[ComponentView], field_name: str) -> list[scoring.ComponentInput]:
    return [
        scoring.ComponentInput(
            view.component.code,
            view.component.weight,
            [
                scoring.SubComponentInput(
                    sub.sub.code,
                    sub.sub.weight,
                    {answer.criterion.code: getattr(answer, field_name) for answer in sub.answers},
                )
                for sub in view.subs
            ],
        )
        for view in components
    ]


def worksheet_of(evaluation: Evaluation, *, with_evidence: bool = False) -> Worksheet:
    """The evaluation's answers in worksheet order with their criterion, sub-component and component (1 query;
    +1 with the evidence), scored both ways."""
    answers = (
        Answer.objects.filter(evaluation=evaluation)
        .select_related("criterion__sub_component__component", "follow_up")
        .order_by("criterion__sub_component__component__order", "criterion__sub_component__order", "criterion__order")
    )
    if with_evidence:
        answers = answers.prefetch_related(Prefetch("evidence", queryset=EvaluationEvidence.objects.order_by("pk")))
    components: list[ComponentView] = []
    for answer in answers:
        sub = answer.criterion.sub_component
        if not components or components[-1].component.pk != sub.component_id:
            components.append(ComponentView(sub.component))
        view = components[-1]
        if not view.subs or view.subs[-1].sub.pk != sub.pk:
            view.subs.append(SubComponentView(sub))
        view.subs[-1].answers.append(answer)
    result = scoring.score_worksheet(_inputs(components, "answer"))
    self_result = scoring.score_worksheet(_inputs(components, "self_answer"))
    for view, scored, self_scored in zip(components, result.components, self_result.components, strict=True):
        view.score, view.self_score = scored.score, self_scored.score
        for sub, sub_scored, sub_self in zip(view.subs, scored.sub_components, self_scored.sub_components, strict=True):
            sub.score, sub.self_score = sub_scored.score, sub_self.score
    return Worksheet(evaluation, components, result, self_result)


@dataclass(frozen=True)
class Counted:
    """How many criteria of one component or sub-component are answered: by the agency (self-assessment) and
    by the evaluator."""

    code: str
    total: int
    self_answered: int
    answered: int


@dataclass(frozen=True)
class ComponentProgress(Counted):
    subs: tuple[Counted, ...] = ()


@dataclass(frozen=True)
class Progress:
    """The answered criteria of an evaluation, per component in worksheet order and overall. A criterion counts
    as answered once it has a letter (AA … E). The evaluator's count is the inspectorate's: show it only to who
    may read the verdict."""

    components: list[ComponentProgress]

    @property
    def by_code(self) -> dict[str, Counted]:
        """Components and sub-components by code."""
        return {item.code: item for component in self.components for item in (component, *component.subs)}

    @property
    def total(self) -> int:
        return sum(item.total for item in self.components)

    @property
    def self_answered(self) -> int:
        return sum(item.self_answered for item in self.components)

    @property
    def answered(self) -> int:
        return sum(item.answered for item in self.components)

    @property
    def self_unanswered(self) -> int:
        return self.total - self.self_answered

    @property
    def unanswered(self) -> int:
        return self.total - self.answered


def get_progress(evaluation: Evaluation) -> Progress:
    """The counters of the worksheet page, its saved-status fragment and the send confirmation, per
    sub-component and component in worksheet order (1 query)."""
    component, sub = "criterion__sub_component__component", "criterion__sub_component"
    rows = (
        Answer.objects.filter(evaluation=evaluation)
        .values(f"{component}__code", f"{component}__order", f"{sub}__code", f"{sub}__order")
        .annotate(
            total=Count("pk"),
            self_answered=Count("pk", filter=~Q(self_answer="")),
            answered=Count("pk", filter=~Q(answer="")),
        )
        .order_by(f"{component}__order", f"{component}__code", f"{sub}__order", f"{sub}__code")
    )
    grouped: dict[str, list[Counted]] = {}
    for row in rows:
        grouped.setdefault(row[f"{component}__code"], []).append(
            Counted(row[f"{sub}__code"], row["total"], row["self_answered"], row["answered"])
        )
    return Progress(
        [
            ComponentProgress(
                code,
                sum(item.total for item in subs),
                sum(item.self_answered for item in subs),
                sum(item.answered for item in subs),
                tuple(subs),
            )
            for code, subs in grouped.items()
        ]
    )


def final_scores(*, agency_ids: list[int] | set[int] | tuple[int, ...], year: int) -> dict[int, tuple[Decimal, str]]:
    """agency id → (total score, predicate letter) of its FINAL evaluation of `year`, in one query."""
    rows = Evaluation.objects.filter(
        agency_id__in=list(agency_ids), year=year, state=Evaluation.State.FINAL, total_score__isnull=False
    ).values_list("agency_id", "total_score", "predicate")
    return {agency_id: (score, letter) for agency_id, score, letter in rows}


@dataclass
class SummaryRow:
    agency: Agency
    evaluation: Evaluation | None
    previous: Evaluation | None

    @property
    def score(self) -> Decimal | None:
        return self.evaluation.total_score if self.evaluation and self.evaluation.is_final else None

    @property
    def previous_score(self) -> Decimal | None:
        return self.previous.total_score if self.previous and self.previous.is_final else None

    @property
    def change(self) -> Decimal | None:
        if self.score is None or self.previous_score is None:
            return None
        return self.score - self.previous_score

    @property
    def predicate_name(self) -> str:
        return scoring.PREDICATE_NAMES.get(self.evaluation.predicate, "") if self.score is not None else ""


def region_summary(region: Region, year: int) -> list[SummaryRow]:
    """Every agency of the region with its evaluation of `year` and of the year before (2 queries)."""
    agencies = list(Agency.objects.filter(region=region).order_by("name"))
    evaluations = {
        (evaluation.agency_id, evaluation.year): evaluation
        for evaluation in Evaluation.objects.filter(agency__region=region, year__in=[year, year - 1])
    }
    return [
        SummaryRow(agency, evaluations.get((agency.pk, year)), evaluations.get((agency.pk, year - 1)))
        for agency in agencies
    ]


def previous_follow_ups(agency: Agency, year: int) -> list[FollowUp]:
    """The follow-ups of last year's final evaluation, with their criterion (1 query, +1 for evidence)."""
    return list(
        FollowUp.objects.filter(answer__evaluation__agency=agency, answer__evaluation__year=year - 1)
        .select_related("answer__criterion")
        .prefetch_related("evidence")
        .order_by(
            "answer__criterion__sub_component__component__order",
            "answer__criterion__sub_component__order",
            "answer__criterion__order",
        )
    )


def follow_ups_of(evaluation: Evaluation) -> list[FollowUp]:
    return list(
        FollowUp.objects.filter(answer__evaluation=evaluation)
        .select_related("answer__criterion")
        .prefetch_related("evidence")
        .order_by(
            "answer__criterion__sub_component__component__order",
            "answer__criterion__sub_component__order",
            "answer__criterion__order",
        )
    )


VERDICT_FIELDS = ("answer", "note", "recommendation")


def sealed_audit_records(agency: Agency | int) -> Q:
    """The audit records that hold the inspectorate's answers, notes or recommendations of an evaluation of the
    agency that is not final yet (a condition on `core.AuditRecord`; the records of the agency's own
    self-assessment stay readable). Registered with `core.audit.seal` by the app; who may read them anyway is
    `accounts.access.may_read_evaluation_secrets`. A record whose values cannot be read as an untouched verdict
    is sealed too."""
    open_answers = (
        Answer.objects.filter(evaluation__agency=agency)
        .exclude(evaluation__state=Evaluation.State.FINAL)
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    no_verdict = Q()
    for side in ("before", "after"):
        for name in VERDICT_FIELDS:
            no_verdict &= Q(**{f"{side}__{name}": ""})
    return Q(object_label=Answer._meta.label_lower, object_pk__in=open_answers) & ~no_verdict
