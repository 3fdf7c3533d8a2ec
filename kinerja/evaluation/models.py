"""The SAKIP evaluation worksheet (LKE) as data, and the evaluations of agencies made with it.

A worksheet version (the 2021 worksheet of PermenPANRB 88/2021, a later one …) is loaded from a versioned file
in `data/` (`load_worksheet`) and never changed by an evaluation: an evaluation keeps the version it was made
with, so two versions coexist. Scores are computed by `scoring.py`; a final evaluation keeps its total and
predicate so that summaries read them in one query.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel
from kinerja.core.stored_files import StoredFileMixin

from .scoring import ANSWERS

WEIGHT = {"max_digits": 7, "decimal_places": 4}
ANSWER_CHOICES = [(letter, letter) for letter in ANSWERS]


class WorksheetVersion(TimeStampedModel):
    code = models.CharField(_("code"), max_length=20, unique=True, help_text=_("e.g. 2021"))
    name = models.CharField(_("name"), max_length=200)
    regulation = models.CharField(_("regulation"), max_length=300)
    source = models.CharField(_("source file"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("worksheet version")
        verbose_name_plural = _("worksheet versions")
        ordering = ["-code"]

    def __str__(self) -> str:
        return f"LKE {self.code}"


class Component(TimeStampedModel):
    version = models.ForeignKey(
        WorksheetVersion, models.CASCADE, related_name="components", verbose_name=_("worksheet version")
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=300)
    weight = models.DecimalField(_("weight"), **WEIGHT)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("component")
        verbose_name_plural = _("components")
        ordering = ["version", "order"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="lke_component_code_once")]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class SubComponent(TimeStampedModel):
    component = models.ForeignKey(Component, models.CASCADE, related_name="sub_components", verbose_name=_("component"))
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=300)
    weight = models.DecimalField(_("weight"), **WEIGHT)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("sub-component")
        verbose_name_plural = _("sub-components")
        ordering = ["component", "order"]
        constraints = [models.UniqueConstraint(fields=["component", "code"], name="lke_sub_component_code_once")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Criterion(TimeStampedModel):
    sub_component = models.ForeignKey(
        SubComponent, models.CASCADE, related_name="criteria", verbose_name=_("sub-component")
    )
    code = models.CharField(_("code"), max_length=20)
    text = models.TextField(_("wording"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["sub_component", "order"]
        constraints = [models.UniqueConstraint(fields=["sub_component", "code"], name="lke_criterion_code_once")]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:80]}"


class Evaluation(TimeStampedModel):
    """The SAKIP evaluation of one agency for one year, with the worksheet version it was made with."""

    class State(models.TextChoices):
        SELF_ASSESSMENT = "self", _("Self-assessment")
        UNDER_EVALUATION = "evaluating", _("Under evaluation")
        FINAL = "final", _("Final")

    agency = models.ForeignKey(
        "organisation.Agency", models.CASCADE, related_name="sakip_evaluations", verbose_name=_("agency")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    version = models.ForeignKey(
        WorksheetVersion, models.PROTECT, related_name="evaluations", verbose_name=_("worksheet version")
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.SELF_ASSESSMENT)
    total_score = models.DecimalField(_("total score"), max_digits=8, decimal_places=4, null=True, blank=True)
    predicate = models.CharField(_("predicate"), max_length=2, blank=True)
    finalised_at = models.DateTimeField(_("finalised at"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("finalised by"),
    )

    class Meta:
        verbose_name = _("SAKIP evaluation")
        verbose_name_plural = _("SAKIP evaluations")
        ordering = ["agency", "-year"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="sakip_evaluation_once_a_year")]
        indexes = [models.Index(fields=["year", "state"], name="sakip_evaluation_year_state")]

    def __str__(self) -> str:
        return f"Evaluasi SAKIP {self.year} {self.agency_id}"

    @property
    def is_final(self) -> bool:
        return self.state == self.State.FINAL


class Answer(TimeStampedModel):
    """One criterion of one evaluation: the agency's self-assessment and the evaluator's answer."""

    evaluation = models.ForeignKey(Evaluation, models.CASCADE, related_name="answers", verbose_name=_("evaluation"))
    criterion = models.ForeignKey(Criterion, models.PROTECT, related_name="answers", verbose_name=_("criterion"))
    self_answer = models.CharField(_("self-assessment"), max_length=2, blank=True, choices=ANSWER_CHOICES)
    self_note = models.TextField(_("self-assessment note"), blank=True)
    answer = models.CharField(_("evaluator's answer"), max_length=2, blank=True, choices=ANSWER_CHOICES)
    note = models.TextField(_("evaluator's note"), blank=True)
    recommendation = models.TextField(_("recommendation"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    class Meta:
        verbose_name = _("worksheet answer")
        verbose_name_plural = _("worksheet answers")
        ordering = [
            "evaluation",
            "criterion__sub_component__component__order",
            "criterion__sub_component__order",
            "criterion__order",
        ]
        constraints = [models.UniqueConstraint(fields=["evaluation", "criterion"], name="lke_answer_once")]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.answer or '—'}"


class FollowUp(TimeStampedModel):
    """A recommendation of a final evaluation, as an item the agency answers and the inspectorate closes."""

    class State(models.TextChoices):
        OPEN = "open", _("Not answered yet")
        ANSWERED = "answered", _("Answered by the agency")
        DONE = "done", _("Done")
        NOT_DONE = "not_done", _("Not done")

    answer = models.OneToOneField(Answer, models.CASCADE, related_name="follow_up", verbose_name=_("answer"))
    action = models.TextField(_("what the agency did"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    evaluator_note = models.TextField(_("evaluator's note"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("changed by")
    )

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["answer"]

    def __str__(self) -> str:
        return f"Tindak lanjut {self.answer.criterion.code}"


def evaluation_evidence_path(instance: "EvaluationEvidence", filename: str) -> str:
    return f"evaluation-evidence/{instance.stored_name}"


class EvaluationEvidence(StoredFileMixin, TimeStampedModel):
    """Evidence of a criterion's self-assessment or of a follow-up: an uploaded file (kind checked from its
    content, stored under a generated name like performance evidence) or a link to a Kinerja page picked from a
    list (`links.py`: the decree, the agreements, the achievement tables, the plan …)."""

    answer = models.ForeignKey(
        Answer, models.CASCADE, null=True, blank=True, related_name="evidence", verbose_name=_("answer")
    )
    follow_up = models.ForeignKey(
        FollowUp, models.CASCADE, null=True, blank=True, related_name="evidence", verbose_name=_("follow-up")
    )
    link = models.CharField(_("Kinerja page"), max_length=100, blank=True)
    file = models.FileField(_("file"), upload_to=evaluation_evidence_path, max_length=300, blank=True)
    stored_name = models.CharField(_("stored name"), max_length=100, blank=True)
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=20, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        verbose_name = _("evaluation evidence")
        verbose_name_plural = _("evaluation evidence")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(answer__isnull=False, follow_up__isnull=True)
                    | models.Q(answer__isnull=True, follow_up__isnull=False)
                ),
                name="lke_evidence_of_one_thing",
            ),
            models.CheckConstraint(
                condition=~models.Q(link="") | ~models.Q(stored_name=""), name="lke_evidence_file_or_link"
            ),
        ]

    def __str__(self) -> str:
        return self.original_name or self.link
