"""Targets, quarterly actuals and their evidence. Numbers are Decimal with 4 decimals; missing is NULL."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import StoredEvidenceFile, TimeStampedModel
from kinerja.core.numbers import format_exact
from kinerja.core.periods import quarter_label

AMOUNT = {"max_digits": 20, "decimal_places": 4, "null": True, "blank": True}


def _region_keys(*, region_index: bool = False) -> tuple[models.ForeignKey, models.ForeignKey]:
    """`agency` and `region` of a row of a big table (docs/scale.md §1): copied once from indicator → plan → agency
    → region by the one place that creates the row (`performance.region_keys`), never typed in (not editable) and
    never validated as input (`clean_fields` leaves them out: they are not the person's). Where (region, year) is
    indexed the region needs no index of its own."""
    agency = models.ForeignKey(
        "organisation.Agency", models.CASCADE, related_name="+", editable=False, blank=True, verbose_name=_("agency")
    )
    region = models.ForeignKey(
        "organisation.Region",
        models.PROTECT,
        related_name="+",
        editable=False,
        blank=True,
        db_index=region_index,
        verbose_name=_("region"),
    )
    return agency, region


REGION_KEYS = ("agency", "region")


def _keys_by_parent(model: type["RegionKeyed"], parents: set) -> dict:
    """(agency id, region id) of each parent row (an indicator, or an actual for evidence), in one query."""
    field = model._meta.get_field(model.PARENT)
    chain = {"indicator": ("plan__agency_id", "plan__agency__region_id"), "actual": ("agency_id", "region_id")}
    rows = field.related_model._base_manager.filter(pk__in=parents).values_list("pk", *chain[model.PARENT])
    return {pk: (agency, region) for pk, agency, region in rows}


class RegionKeyedQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):  # type: ignore[override]
        """The fallback of `RegionKeyed.save` for rows written many at once: missing keys from the parents."""
        objs = list(objs)
        attname = self.model._meta.get_field(self.model.PARENT).attname
        missing = [obj for obj in objs if obj.agency_id is None or obj.region_id is None]
        keys = _keys_by_parent(self.model, {getattr(obj, attname) for obj in missing}) if missing else {}
        for obj in missing:
            obj.agency_id, obj.region_id = keys[getattr(obj, attname)]
        return super().bulk_create(objs, *args, **kwargs)


class RegionKeyed(models.Model):
    """A row that carries its agency and region (`_region_keys`). The doors write them (`performance.region_keys`:
    the services, the loader, the generator); a row created without them — a test's shortcut, a door that forgot —
    gets its parent chain's on insert (`save`, `bulk_create`) instead of failing on NOT NULL. `PARENT` names the
    foreign key the keys come from."""

    PARENT = "indicator"
    objects = RegionKeyedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding and (self.agency_id is None or self.region_id is None):
            parent = getattr(self, self.PARENT)
            if isinstance(parent, RegionKeyed):
                self.agency_id, self.region_id = parent.agency_id, parent.region_id
            else:
                agency = parent.plan.agency
                self.agency_id, self.region_id = agency.pk, agency.region_id
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude={*(exclude or ()), *REGION_KEYS})


class Target(RegionKeyed, TimeStampedModel):
    """A target of an indicator: the baseline, a year's target, a quarter's target (action plan) or the
    end-of-plan target. A range target has its upper bound in `value_upper`."""

    class Kind(models.TextChoices):
        BASELINE = "baseline", _("Baseline (kondisi awal)")
        YEAR = "year", _("Yearly target")
        QUARTER = "quarter", _("Quarterly target")
        END = "end", _("End-of-plan target")

    indicator = models.ForeignKey(
        "strategy.Indicator", models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    agency, region = _region_keys()
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), default=0, validators=[MaxValueValidator(4)], help_text=_("0 for a yearly figure.")
    )
    value = models.DecimalField(_("target"), **AMOUNT)
    value_upper = models.DecimalField(_("upper bound"), **AMOUNT)
    is_example = models.BooleanField(_("example data"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["indicator", "year", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "kind", "year", "quarter"], name="target_once"),
            models.CheckConstraint(
                condition=(Q(kind="quarter", quarter__gte=1, quarter__lte=4) | (~Q(kind="quarter") & Q(quarter=0))),
                name="target_quarter_matches_kind",
            ),
            models.CheckConstraint(
                condition=Q(value_upper__isnull=True) | Q(value__isnull=False, value_upper__gte=models.F("value")),
                name="target_upper_not_below_lower",
            ),
        ]
        indexes = [
            models.Index(fields=["year", "kind"], name="target_year_kind"),
            models.Index(fields=["region", "year"], name="target_region_year"),
        ]

    def __str__(self) -> str:
        period = f"{quarter_label(self.quarter)} {self.year}" if self.quarter else str(self.year)
        return f"{self.get_kind_display()} {period}: {format_exact(self.value)}"


class Actual(RegionKeyed, TimeStampedModel):
    """What was achieved for an indicator in one quarter, measured once whatever pages print the indicator."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        VERIFIED = "verified", _("Verified")

    indicator = models.ForeignKey(
        "strategy.Indicator", models.CASCADE, related_name="actuals", verbose_name=_("indicator")
    )
    agency, region = _region_keys()
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    quarter = models.PositiveSmallIntegerField(_("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    numerator = models.DecimalField(_("numerator"), **AMOUNT)
    denominator = models.DecimalField(_("denominator"), **AMOUNT)
    value = models.DecimalField(
        _("realised value"), **AMOUNT, help_text=_("For a ratio, computed from numerator and denominator.")
    )
    supporting_factors = models.TextField(_("supporting factors"), blank=True)
    hindering_factors = models.TextField(_("hindering factors"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    status_reason = models.TextField(
        _("reason of the last return or reopening"),
        blank=True,
        max_length=2000,
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    is_example = models.BooleanField(_("example data"), default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )

    class Meta:
        verbose_name = _("actual")
        verbose_name_plural = _("actuals")
        ordering = ["indicator", "year", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "quarter"], name="actual_once_per_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="actual_quarter_1_to_4"),
            models.CheckConstraint(
                condition=Q(denominator__isnull=True) | ~Q(denominator=0), name="actual_denominator_not_zero"
            ),
        ]
        indexes = [
            models.Index(fields=["year", "quarter"], name="actual_year_quarter"),
            models.Index(fields=["region", "year"], name="actual_region_year"),
        ]

    def __str__(self) -> str:
        return f"{quarter_label(self.quarter)} {self.year}: {format_exact(self.value)}"


def evidence_path(instance: "Evidence", filename: str) -> str:
    """A safe generated name: the uploader's file name is kept only as data."""
    return f"evidence/{instance.actual.year}/{instance.stored_name}"


class Evidence(StoredEvidenceFile, RegionKeyed):
    """An evidence file of an actual (PDF, image, Word, Excel), kind checked from its content."""

    actual = models.ForeignKey(Actual, models.CASCADE, related_name="evidence", verbose_name=_("actual"))
    agency, region = _region_keys(region_index=True)
    PARENT = "actual"
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=300, blank=True)
    link = models.CharField(
        _("link"),
        max_length=300,
        blank=True,
        help_text=_("A page of Kinerja that is the evidence (e.g. the SAKIP evaluation's result), instead of a file."),
    )

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence files")
        ordering = ["actual", "created_at"]

    def __str__(self) -> str:
        return self.original_name


class PeriodLock(TimeStampedModel):
    """A quarter of a year of an agency that the planner closed, or that closes itself on a deadline.

    While closed, its targets and actuals refuse every change; reopening needs a reason (kept here and in the
    audit trail)."""

    agency = models.ForeignKey(
        "organisation.Agency", models.CASCADE, related_name="period_locks", verbose_name=_("agency")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    quarter = models.PositiveSmallIntegerField(_("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    closed = models.BooleanField(_("closed"), default=False)
    deadline = models.DateField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_("After this day the period is closed without anyone closing it."),
    )
    reason = models.TextField(_("reason of the last reopening"), blank=True, max_length=2000)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        ordering = ["agency", "year", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "quarter"], name="period_lock_once"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="period_quarter_1_to_4"),
        ]

    def __str__(self) -> str:
        return f"{quarter_label(self.quarter)} {self.year}"

    def is_closed_on(self, day) -> bool:
        return self.closed or (self.deadline is not None and day > self.deadline)


class RollupDirty(models.Model):
    """The outbox of the roll-ups (docs/scale.md §4): an indicator's figures of a year changed and its roll-ups (and
    their ancestors) are to be computed again. Written by the services that write figures, in their transaction
    (`rollups.outbox.mark_figures_changed`); taken and deleted by the worker (`rollups.worker.work`)."""

    indicator = models.ForeignKey("strategy.Indicator", models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    first_marked_at = models.DateTimeField()  # the oldest write not yet in the roll-ups (the freshness line)
    last_marked_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="rollup_dirty_once")]
        verbose_name = _("roll-up waiting to be computed")
        verbose_name_plural = _("roll-ups waiting to be computed")

    def __str__(self) -> str:
        return f"indicator {self.indicator_id} {self.year}"


class AchievementRollup(models.Model):
    """What the pages show of one level's figures for a year up to a quarter, all actuals or verified ones only,
    computed by the worker with the pages' own functions (performance.figures, selectors.rollup_of): never a
    second arithmetic. `key` is the pk of the indicator, position, unit, agency or region."""

    class Level(models.TextChoices):
        INDICATOR = "indicator", _("indicator")
        POSITION = "position", _("position")
        UNIT = "unit", _("unit")
        AGENCY = "agency", _("agency")
        REGION = "region", _("region")

    level = models.CharField(max_length=10, choices=Level.choices)
    key = models.PositiveBigIntegerField()
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    verified_only = models.BooleanField()
    mean = models.DecimalField(max_digits=24, decimal_places=4, null=True)  # the indicator's achievement
    counted = models.PositiveIntegerField(default=0)
    missing = models.PositiveIntegerField(default=0)
    verified = models.PositiveIntegerField(default=0)
    cap = models.DecimalField(max_digits=24, decimal_places=4, null=True)
    placed = models.PositiveIntegerField(default=0)  # indicators on the IKI pages (completeness: denominator)
    done = models.PositiveIntegerField(default=0)  # … of which the quarter's actual is verified
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["level", "key", "year", "quarter", "verified_only"], name="rollup_once")
        ]
        verbose_name = _("achievement roll-up")
        verbose_name_plural = _("achievement roll-ups")

    def __str__(self) -> str:
        return f"{self.level} {self.key} {self.year} T{self.quarter}{' verified' if self.verified_only else ''}"


class SharedIndicatorRollup(models.Model):
    """An indicator name (normalised: case, accents, punctuation, spacing) that several agencies of a region carry
    on their current plans, for the regency view's comparison: each agency's first indicator of that name and its
    stored achievement, `members` = [[agency id, indicator id, code, achievement or null], …] in the agencies'
    plan order. Computed by the worker with the region's row."""

    region = models.ForeignKey("organisation.Region", models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    verified_only = models.BooleanField()
    key = models.TextField()
    name = models.TextField()
    members = models.JSONField()
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "quarter", "verified_only", "key"], name="shared_rollup_once"
            )
        ]
        verbose_name = _("roll-up of an indicator shared by agencies")
        verbose_name_plural = _("roll-ups of indicators shared by agencies")

    def __str__(self) -> str:
        return f"{self.name} ({self.region_id} {self.year} T{self.quarter})"
