"""The SKP (Sasaran Kinerja Pegawai, PermenPANRB 6/2022): per official, position and year, the work results
(Rencana Hasil Kerja, RHK) with their indicators and targets, and at year end the superior's rating.

The chain: an RHK of a structural position stands for one row of its IKI page (`page_row`), which hangs on the
page's objective and through `Objective.contributes_to` up to a strategic objective of the agency; an RHK of a staff
position hangs on exactly one RHK of the superior's SKP (`parent`, the "intervensi"). A check constraint keeps
exactly one of the two.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kinerja.core.models import TimeStampedModel
from kinerja.core.numbers import format_exact

from . import predicate


class Rating(models.TextChoices):
    ABOVE = predicate.ABOVE, _("Above expectations")
    AS_EXPECTED = predicate.AS_EXPECTED, _("As expected")
    BELOW = predicate.BELOW, _("Below expectations")


class Predicate(models.TextChoices):
    SANGAT_BAIK = predicate.SANGAT_BAIK, _("Very good")
    BAIK = predicate.BAIK, pgettext_lazy("predicate", "Good")
    BUTUH_PERBAIKAN = predicate.BUTUH_PERBAIKAN, _("Needs improvement")
    KURANG = predicate.KURANG, _("Poor/Misconduct")
    SANGAT_KURANG = predicate.SANGAT_KURANG, _("Very poor")


class OrganisationPredicate(models.TextChoices):
    ISTIMEWA = predicate.ISTIMEWA, _("Outstanding")
    BAIK = predicate.BAIK, pgettext_lazy("predicate", "Good")
    BUTUH_PERBAIKAN = predicate.BUTUH_PERBAIKAN, _("Needs improvement")
    KURANG = predicate.KURANG, _("Poor")
    SANGAT_KURANG = predicate.SANGAT_KURANG, _("Very poor")


BEHAVIOUR_NAMES = {
    "berorientasi_pelayanan": _("Service-oriented"),
    "akuntabel": _("Accountable"),
    "kompeten": _("Competent"),
    "harmonis": _("Harmonious"),
    "loyal": _("Loyal"),
    "adaptif": _("Adaptive"),
    "kolaboratif": _("Collaborative"),
}
RATING_FIELDS = ("work_rating", "behaviour_rating", "predicate", *(f"behaviour_{name}" for name in BEHAVIOUR_NAMES))


def _rating_field(verbose_name: object) -> models.CharField:
    return models.CharField(verbose_name, max_length=10, choices=Rating.choices, blank=True)


class Skp(TimeStampedModel):
    """One official's SKP for one position and year."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        RATED = "rated", _("Rated")
        FINAL = "final", _("Final")  # the ratings made final by the head or the planner (skp.finalisation)

    official = models.ForeignKey(
        "organisation.Official", models.PROTECT, related_name="skps", verbose_name=_("official")
    )
    position = models.ForeignKey(
        "organisation.Position", models.CASCADE, related_name="skps", verbose_name=_("position")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    work_rating = _rating_field(_("work result rating"))
    behaviour_berorientasi_pelayanan = _rating_field(BEHAVIOUR_NAMES["berorientasi_pelayanan"])
    behaviour_akuntabel = _rating_field(BEHAVIOUR_NAMES["akuntabel"])
    behaviour_kompeten = _rating_field(BEHAVIOUR_NAMES["kompeten"])
    behaviour_harmonis = _rating_field(BEHAVIOUR_NAMES["harmonis"])
    behaviour_loyal = _rating_field(BEHAVIOUR_NAMES["loyal"])
    behaviour_adaptif = _rating_field(BEHAVIOUR_NAMES["adaptif"])
    behaviour_kolaboratif = _rating_field(BEHAVIOUR_NAMES["kolaboratif"])
    behaviour_rating = _rating_field(_("behaviour rating"))
    predicate = models.CharField(_("predicate"), max_length=20, choices=Predicate.choices, blank=True)
    rating_note = models.TextField(_("note of the rating"), blank=True)
    rated_by = models.ForeignKey(
        "organisation.Official", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("rated by")
    )
    is_example = models.BooleanField(_("example data"), default=False)

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = _("SKP")
        ordering = ["year", "position__order", "official__name"]
        constraints = [
            models.UniqueConstraint(fields=["official", "position", "year"], name="skp_once_per_official_year"),
            # rated and final SKP carry their predicate
            models.CheckConstraint(condition=Q(status="draft") | ~Q(predicate=""), name="skp_rated_has_predicate"),
        ]

    def __str__(self) -> str:
        return f"SKP {self.year} — {self.official} ({self.position})"

    @property
    def rated_in_kinerja(self) -> bool:
        """Someone in Kinerja rates it: its position has a superior (the head of agency's rater, the regent, is
        outside Kinerja; that SKP is neither waited for nor made final)."""
        return self.position.superior_id is not None

    @property
    def behaviours(self) -> list[tuple[str, object, str]]:
        """(key, name, rating) of the seven BerAKHLAK values, in the regulation's order."""
        return [(key, name, getattr(self, f"behaviour_{key}")) for key, name in BEHAVIOUR_NAMES.items()]


class Rhk(TimeStampedModel):
    """A work result (Rencana Hasil Kerja) of an SKP."""

    skp = models.ForeignKey(Skp, models.CASCADE, related_name="results", verbose_name=_("SKP"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("work result"))
    page_row = models.ForeignKey(
        "strategy.PageIndicator",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="work_results",
        verbose_name=_("IKI row"),
    )
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="interventions",
        verbose_name=_("superior's work result"),
    )

    class Meta:
        verbose_name = _("work result (RHK)")
        verbose_name_plural = _("work results (RHK)")
        ordering = ["skp", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(page_row__isnull=True, parent__isnull=False)
                | Q(page_row__isnull=False, parent__isnull=True),
                name="rhk_hangs_on_one_thing",
            ),
            models.UniqueConstraint(fields=["skp", "page_row"], name="rhk_one_per_iki_row"),
        ]

    def __str__(self) -> str:
        return self.text[:120]

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if not (self.text or "").strip():
            errors["text"] = _("Write the work result.")
        skp = self.skp if self.skp_id else None
        if skp is not None and self.page_row_id and self.page_row.position_id != skp.position_id:
            errors["page_row"] = _("The IKI row is not on this position's page.")
        if skp is not None and self.parent_id:
            parent_skp = self.parent.skp
            if skp.position.superior_id != parent_skp.position_id or parent_skp.year != skp.year:
                errors["parent"] = _("The work result above must be one of the superior's SKP of the same year.")
        if not self.page_row_id and not self.parent_id:
            errors["parent"] = _("A work result hangs on an IKI row or on a work result of the superior.")
        if errors:
            raise ValidationError(errors)


class RhkIndicator(TimeStampedModel):
    """An indicator of a work result with its target, in one aspect: quantity, quality, time or cost."""

    class Aspect(models.TextChoices):
        QUANTITY = "kuantitas", _("Quantity")
        QUALITY = "kualitas", _("Quality")
        TIME = "waktu", _("Time")
        COST = "biaya", _("Cost")

    result = models.ForeignKey(Rhk, models.CASCADE, related_name="indicators", verbose_name=_("work result"))
    aspect = models.CharField(_("aspect"), max_length=10, choices=Aspect.choices)
    name = models.TextField(_("indicator"))
    target = models.DecimalField(_("target"), max_digits=18, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("unit of measure"), max_length=60, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("work result indicator")
        verbose_name_plural = _("work result indicators")
        ordering = ["result", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(target__isnull=True) | Q(target__gte=0), name="rhk_target_not_negative")
        ]

    def __str__(self) -> str:
        return self.name[:120]

    @property
    def target_text(self) -> str:
        """ "12 dokumen", "2,5 bulan"; "—" without a target."""
        return f"{format_exact(self.target)} {self.unit}".strip() if self.target is not None else "—"

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if not (self.name or "").strip():
            errors["name"] = _("Write the indicator.")
        if self.target is not None and self.target < 0:
            errors["target"] = _("The target cannot be negative.")
        if self.target is not None and not (self.unit or "").strip():
            errors["unit"] = _("Give the unit of the target.")
        if errors:
            raise ValidationError(errors)


class ExampleRecord(models.Model):
    """An official, staff position or assignment that the example SKP data created (`skp.example_data`): the
    organisation's models carry no `is_example`, so the example remembers here what `clear_example_skp` removes
    besides the example SKP. A row goes with the thing it names."""

    agency = models.ForeignKey("organisation.Agency", models.CASCADE, related_name="+", verbose_name=_("agency"))
    official = models.ForeignKey(
        "organisation.Official", models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("official")
    )
    position = models.ForeignKey(
        "organisation.Position", models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("position")
    )
    assignment = models.ForeignKey(
        "organisation.Assignment",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assignment"),
    )

    class Meta:
        verbose_name = _("example record of the SKP")
        verbose_name_plural = _("example records of the SKP")
        constraints = [
            models.CheckConstraint(
                condition=Q(official__isnull=False, position__isnull=True, assignment__isnull=True)
                | Q(official__isnull=True, position__isnull=False, assignment__isnull=True)
                | Q(official__isnull=True, position__isnull=True, assignment__isnull=False),
                name="skp_example_record_names_one_thing",
            )
        ]

    def __str__(self) -> str:
        return str(self.official or self.position or self.assignment)
