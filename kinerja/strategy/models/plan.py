"""The strategic plan (Renstra): goal, objectives, indicators, the IKU table, the IKI pages (programmes apart)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel

from . import plan_rules

# The units that mean "per cent" (compared after strip() and lower(): "Persen", " % ").
PERCENT_UNITS = frozenset({"persen", "%"})
# The factor a ratio is multiplied by when it stores none (or 0): a percentage.
DEFAULT_FACTOR = Decimal(100)

plan_code_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9.\-_]*$", _("Use letters, digits, dots, hyphens and underscores only.")
)


class StrategicPlan(TimeStampedModel):
    """The five-year strategic plan of an agency (Renstra), e.g. 2021–2026."""

    agency = models.ForeignKey("organisation.Agency", models.CASCADE, related_name="plans", verbose_name=_("agency"))
    name = models.CharField(_("name"), max_length=200)
    first_year = models.PositiveSmallIntegerField(
        _("first year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    last_year = models.PositiveSmallIntegerField(
        _("last year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )

    class Meta:
        verbose_name = _("strategic plan")
        verbose_name_plural = _("strategic plans")
        ordering = ["agency", "-first_year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "first_year"], name="plan_unique_start_per_agency"),
            models.CheckConstraint(condition=Q(last_year__gt=F("first_year")), name="plan_last_after_first"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    def clean(self) -> None:
        # the rule of the check constraint `plan_last_after_first`, as a message on its field (the import and the
        # plan's form both ask it here)
        if self.first_year is not None and self.last_year is not None and self.last_year <= self.first_year:
            raise ValidationError({"last_year": _("The last year of the plan must come after its first year.")})
        # its years not shrunk past the years that hold figures (targets, actuals, action items)
        held = plan_rules.years_with_figures_outside(self)
        if held:
            raise ValidationError({field: plan_rules.shrink_message(years) for field, years in held.items()})


class Goal(TimeStampedModel):
    """Tujuan."""

    plan = models.ForeignKey(StrategicPlan, models.CASCADE, related_name="goals", verbose_name=_("plan"))
    code = models.CharField(_("code"), max_length=60, validators=[plan_code_validator])
    text = models.TextField(_("text"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="goal_code_unique_per_plan")]

    def __str__(self) -> str:
        return self.text


class Objective(TimeStampedModel):
    """Sasaran: a strategic objective of the agency, or a performance objective on a position's page."""

    class Level(models.TextChoices):
        STRATEGIC = "strategic", _("Strategic objective")
        PERFORMANCE = "performance", _("Position performance objective")

    plan = models.ForeignKey(StrategicPlan, models.CASCADE, related_name="objectives", verbose_name=_("plan"))
    code = models.CharField(_("code"), max_length=60, validators=[plan_code_validator])
    text = models.TextField(_("text"))
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    goal = models.ForeignKey(
        Goal, models.PROTECT, null=True, blank=True, related_name="objectives", verbose_name=_("goal")
    )
    position = models.ForeignKey(
        "organisation.Position",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="objectives",
        verbose_name=_("position"),
    )
    contributes_to = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributors",
        verbose_name=_("contributes to"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="objective_code_unique_per_plan"),
            models.CheckConstraint(
                condition=(
                    Q(level="strategic", position__isnull=True)
                    | Q(level="performance", position__isnull=False, goal__isnull=True)
                ),
                name="objective_level_matches_owner",
            ),
            models.CheckConstraint(condition=~Q(contributes_to=F("id")), name="objective_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        errors = {}
        if self.level == self.Level.STRATEGIC and self.position_id:
            errors["position"] = _("A strategic objective belongs to the agency, not to a position.")
        if self.level == self.Level.PERFORMANCE and not self.position_id:
            errors["position"] = _("A performance objective needs its position.")
        if self.goal_id and self.goal.plan_id != self.plan_id:
            errors["goal"] = _("The goal belongs to another plan.")
        if self.contributes_to_id and self.contributes_to.plan_id != self.plan_id:
            errors["contributes_to"] = _("The objective above belongs to another plan.")
        elif cycle := plan_rules.contribution_cycle(self):
            errors["contributes_to"] = plan_rules.cycle_message(cycle)
        if self.position_id and self.position.agency_id != self.plan.agency_id:
            errors["position"] = _("The position belongs to another agency.")
        elif self.position_id and self.position.is_staff_position:
            errors["position"] = _("A staff position carries no IKI page: its work is in its holder's SKP.")
        if errors:
            raise ValidationError(errors)


class Indicator(TimeStampedModel):
    """An indicator, stored once however many pages print it; measured once."""

    class Formula(models.TextChoices):
        RATIO = "ratio", _("Ratio (numerator / denominator × factor)")
        COUNT = "count", _("Count")
        VALUE = "value", _("Value / score")

    class Polarity(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")
        RANGE = "range", _("Within a range")

    class QuarterRule(models.TextChoices):
        SUM = "sum", _("Sum of the quarters")
        LAST = "last", _("Last quarter")
        AVERAGE = "average", _("Average of the quarters")

    plan = models.ForeignKey(StrategicPlan, models.CASCADE, related_name="indicators", verbose_name=_("plan"))
    code = models.CharField(_("code"), max_length=60, validators=[plan_code_validator])
    name = models.TextField(_("name"))
    objective = models.ForeignKey(
        Objective,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("strategic objective"),
        help_text=_("For an agency-level indicator: the strategic objective it measures."),
    )
    is_key = models.BooleanField(_("key performance indicator (IKU)"), default=False)
    formula = models.CharField(_("formula"), max_length=10, choices=Formula.choices)
    numerator = models.TextField(_("numerator"), blank=True)
    denominator = models.TextField(_("denominator"), blank=True)
    factor = models.DecimalField(_("factor"), max_digits=12, decimal_places=4, null=True, blank=True)
    definition = models.TextField(_("definition / formula text"), blank=True)
    unit = models.CharField(_("unit of measure"), max_length=60)
    data_source = models.TextField(_("data source"), blank=True)
    responsible_position = models.ForeignKey(
        "organisation.Position",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_for",
        verbose_name=_("responsible position"),
    )
    polarity = models.CharField(_("polarity"), max_length=10, choices=Polarity.choices, default="higher")
    quarter_rule = models.CharField(_("how quarters make the year"), max_length=10, choices=QuarterRule.choices)
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=2, validators=[MaxValueValidator(4)])
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    fed_by = models.CharField(
        _("actual fed by"),
        max_length=20,
        blank=True,
        choices=[("", _("typed on the entry page")), ("evaluasi-sakip", _("the SAKIP evaluation"))],
        help_text=_(
            "Where the indicator's actual comes from when no one types it: 'evaluasi-sakip' — the final "
            "SAKIP evaluation of the year writes its score as the actual of quarter 4."
        ),
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="indicator_code_unique_per_plan"),
            models.CheckConstraint(
                condition=~Q(formula="ratio") | (~Q(numerator="") & ~Q(denominator="") & Q(factor__isnull=False)),
                name="indicator_ratio_has_terms",
            ),
            models.CheckConstraint(condition=Q(decimals__lte=4), name="indicator_decimals_at_most_4"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_percentage(self) -> bool:
        """Whether the indicator is measured in per cent: its unit, stripped and in lower case, is "persen" or "%".

        The one definition for every place that asks (the entry rule that a percentage's numerator is not larger
        than its denominator, the "%" after a printed figure, the consistency check's Persen findings). The
        indicator's *name* ("Persentase …") does not make it one: the consistency check compares the two.
        """
        return self.unit.strip().lower() in PERCENT_UNITS

    @property
    def effective_factor(self) -> Decimal:
        """The factor a ratio's value is computed with — numerator / denominator × this: the stored factor, or 100
        when none is stored or it is 0 (a ratio with factor 0 would make every figure 0). Every figure (entry,
        pages, documents, the printed formula "X 100%") uses this; the stored `factor` is what the data says,
        exported and served by the API as it is."""
        return self.factor or DEFAULT_FACTOR

    def clean(self) -> None:
        errors = {}
        if self.formula == self.Formula.RATIO:
            if not self.numerator.strip():
                errors["numerator"] = _("A ratio needs its numerator.")
            if not self.denominator.strip():
                errors["denominator"] = _("A ratio needs its denominator.")
            if self.factor is None:
                errors["factor"] = _("A ratio needs its factor (e.g. 100).")
        if self.objective_id and self.objective.level != Objective.Level.STRATEGIC:
            errors["objective"] = _("Only a strategic objective can be measured directly by an indicator.")
        if self.objective_id and self.plan_id and self.objective.plan_id != self.plan_id:
            errors["objective"] = _("The objective belongs to another plan.")
        position_id = self.responsible_position_id
        if position_id and self.plan_id and self.responsible_position.agency_id != self.plan.agency_id:
            errors["responsible_position"] = _("The position belongs to another agency.")
        if errors:
            raise ValidationError(errors)


class KeyIndicatorRow(TimeStampedModel):
    """A row of the IKU table (Lampiran I), with the wording it prints where it differs from the data."""

    plan = models.ForeignKey(StrategicPlan, models.CASCADE, related_name="key_rows", verbose_name=_("plan"))
    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="key_rows", verbose_name=_("indicator"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    printed_objective = models.TextField(_("objective as printed"), blank=True)
    printed_name = models.TextField(_("indicator as printed"), blank=True)
    printed_definition = models.TextField(_("definition as printed"), blank=True)
    printed_data_source = models.TextField(_("data source as printed"), blank=True)
    printed_responsible = models.TextField(_("responsible as printed"), blank=True)

    class Meta:
        verbose_name = _("IKU table row")
        verbose_name_plural = _("IKU table rows")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "indicator"], name="key_row_indicator_once"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.printed_name or self.indicator.name

    @property
    def objective_text(self) -> str:
        objective = self.indicator.objective
        return self.printed_objective or (objective.text if objective else "")

    @property
    def definition(self) -> str:
        return self.printed_definition or self.indicator.definition

    @property
    def data_source(self) -> str:
        return self.printed_data_source or self.indicator.data_source

    @property
    def responsible(self) -> str:
        position = self.indicator.responsible_position
        return self.printed_responsible or (position.title if position else "")

    def clean(self) -> None:
        if self.indicator_id and not self.indicator.is_key:
            raise ValidationError({"indicator": _("Only a key indicator (IKU) has a row in the IKU table.")})
        if self.indicator_id and self.indicator.plan_id != self.plan_id:
            raise ValidationError({"indicator": _("The indicator belongs to another plan.")})


class PageIndicator(TimeStampedModel):
    """A row of a position's IKI page: an indicator under one of the position's objectives."""

    position = models.ForeignKey(
        "organisation.Position", models.CASCADE, related_name="page_rows", verbose_name=_("position")
    )
    objective = models.ForeignKey(Objective, models.CASCADE, related_name="page_rows", verbose_name=_("objective"))
    indicator = models.ForeignKey(Indicator, models.PROTECT, related_name="page_rows", verbose_name=_("indicator"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    printed_name = models.TextField(_("indicator as printed"), blank=True)
    printed_definition = models.TextField(_("definition as printed"), blank=True)
    printed_data_source = models.TextField(_("data source as printed"), blank=True)

    class Meta:
        verbose_name = _("IKI page row")
        verbose_name_plural = _("IKI page rows")
        ordering = ["position", "objective__order", "order"]
        constraints = [
            models.UniqueConstraint(fields=["position", "indicator"], name="page_row_indicator_once"),
            models.UniqueConstraint(fields=["objective", "order"], name="page_row_order_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.printed_name or self.indicator.name

    @property
    def definition(self) -> str:
        return self.printed_definition or self.indicator.definition

    @property
    def data_source(self) -> str:
        return self.printed_data_source or self.indicator.data_source

    def clean(self) -> None:
        errors = {}
        if self.objective_id and self.objective.position_id != self.position_id:
            errors["objective"] = _("The objective is not on this position's page.")
        if self.indicator_id and self.objective_id and self.indicator.plan_id != self.objective.plan_id:
            errors["indicator"] = _("The indicator belongs to another plan.")
        if errors:
            raise ValidationError(errors)
