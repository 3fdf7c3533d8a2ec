"""The IKU/IKI decree (Keputusan Kepala Dinas) as data: its clauses and its narrative chapters."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import OrderedTextItem, TimeStampedModel


class Decree(TimeStampedModel):
    plan = models.ForeignKey("strategy.StrategicPlan", models.CASCADE, related_name="decrees", verbose_name=_("plan"))
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.CharField(_("number"), max_length=100)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=100)
    title = models.TextField(_("title"))
    subject = models.TextField(_("subject"))
    signatory = models.ForeignKey(
        "organisation.Position",
        models.PROTECT,
        related_name="signed_decrees",
        verbose_name=_("signing position"),
    )

    class Meta:
        verbose_name = _("decree")
        verbose_name_plural = _("decrees")
        ordering = ["plan", "-year"]
        constraints = [models.UniqueConstraint(fields=["plan", "year"], name="decree_one_per_plan_year")]

    def __str__(self) -> str:
        return f"{self.number} ({self.year})"


class DecreeClause(OrderedTextItem):
    class Kind(models.TextChoices):
        CONSIDERATION = "consideration", _("Consideration (Menimbang)")
        LEGAL_BASIS = "legal_basis", _("Legal basis (Mengingat)")
        DICTUM = "dictum", _("Dictum")

    decree = models.ForeignKey(Decree, models.CASCADE, related_name="clauses", verbose_name=_("decree"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta(OrderedTextItem.Meta):
        verbose_name = _("decree clause")
        verbose_name_plural = _("decree clauses")
        ordering = ["decree", "kind", "order"]
        constraints = [models.UniqueConstraint(fields=["decree", "kind", "order"], name="decree_clause_order_unique")]


class DecreeChapter(TimeStampedModel):
    class Kind(models.TextChoices):
        FOREWORD = "foreword", _("Foreword")
        EXECUTIVE_SUMMARY = "executive_summary", _("Executive summary")
        CHAPTER_1 = "chapter_1", _("Chapter I")
        CHAPTER_2 = "chapter_2", _("Chapter II")
        CHAPTER_3 = "chapter_3", _("Chapter III")

    decree = models.ForeignKey(Decree, models.CASCADE, related_name="chapters", verbose_name=_("decree"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("decree chapter")
        verbose_name_plural = _("decree chapters")
        ordering = ["decree", "order"]
        constraints = [models.UniqueConstraint(fields=["decree", "kind"], name="decree_chapter_once")]

    def __str__(self) -> str:
        return self.title
