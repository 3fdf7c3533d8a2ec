"""Region, agency, its unit tree, positions with duty and functions, officials and who holds what."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kinerja.core.chains import cycle
from kinerja.core.models import OrderedTextItem, TimeStampedModel

from . import government
from .nip import validate_nip

code_validator = RegexValidator(r"^[a-z0-9][a-z0-9.\-]*$", _("Use lowercase letters, digits, dots and hyphens only."))


class Region(TimeStampedModel):
    """A government: a province, a regency or a city (Pemerintah Daerah), or a central-government body (a ministry
    or an agency of the Republic). Its kind says what the letterhead prints and what its head is called."""

    class Kind(models.TextChoices):
        PROVINCE = "provinsi", _("Province (Gubernur)")
        REGENCY = "kabupaten", _("Regency (Bupati)")
        CITY = "kota", _("City (Wali Kota)")
        CENTRAL = "pusat", _("Central government: ministry or agency (Menteri, Kepala, Ketua)")

    code = models.CharField(_("code"), max_length=50, unique=True, validators=[code_validator])
    kind = models.CharField(_("kind of government"), max_length=20, choices=Kind.choices, default=Kind.REGENCY)
    name = models.CharField(_("name"), max_length=200)
    province = models.CharField(_("province"), max_length=200, blank=True)
    seat = models.CharField(_("seat"), max_length=100, blank=True)
    head_title = models.CharField(
        _("title of the head"),
        max_length=100,
        default="Bupati",
        help_text=_("Gubernur, Bupati or Wali Kota; for a central-government body Menteri, Kepala or Ketua."),
    )
    head = models.ForeignKey(
        "Official",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("head of the government"),
        help_text=_("The head in office: the superior who signs the head of agency's performance agreement."),
    )
    emblem = models.FileField(
        _("emblem"),
        upload_to="lambang/",
        blank=True,
        help_text=_("The region's emblem (PNG or SVG, at most 1 MB), printed in the letterhead of every document."),
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.head_id and self.head.region_id != self.pk:
            raise ValidationError({"head": _("The head of region is an official of another region.")})

    @property
    def wording(self) -> "government.Wording":
        """The one place the kind becomes words: the letterhead line, the head's full title, what the head is."""
        return government.wording(self.kind, self.name, self.head_title)


class Agency(TimeStampedModel):
    """A government agency (Perangkat Daerah), with what its letterhead prints."""

    region = models.ForeignKey(Region, models.PROTECT, related_name="agencies", verbose_name=_("region"))
    code = models.CharField(_("code"), max_length=50, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    printed_name = models.CharField(
        _("name as printed in the IKU table"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to print the name in capitals."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    telephone = models.CharField(_("telephone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    postcode = models.CharField(
        _("postcode"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("A postcode has 5 digits."))],
    )
    duty = models.TextField(_("duty"), blank=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def heading_name(self) -> str:
        """The agency's name in the heading of a document Kinerja writes (action plan, LKjIP, evaluation, LKE, SKP):
        its name in capitals. `printed_name` is the name as the signed decree printed it, misprints included
        (the seed's "KOMUNKASI"), for reprinting that decree only."""
        return self.name.upper()


class AgencyFunction(OrderedTextItem):
    agency = models.ForeignKey(Agency, models.CASCADE, related_name="functions", verbose_name=_("agency"))

    class Meta(OrderedTextItem.Meta):
        verbose_name = _("agency function")
        verbose_name_plural = _("agency functions")
        constraints = [models.UniqueConstraint(fields=["agency", "order"], name="agency_function_order_unique")]


class Unit(TimeStampedModel):
    """A unit of the agency's organisation tree."""

    class Kind(models.TextChoices):
        AGENCY = "dinas", _("Agency (Dinas)")
        BOARD = "badan", _("Board (Badan)")
        SECRETARIAT = "sekretariat", _("Secretariat")
        INSPECTORATE = "inspektorat", _("Inspectorate (Inspektorat)")
        REGIONAL_INSPECTORATE = "inspektorat_wilayah", _("Regional inspectorate (Inspektorat Wilayah)")
        DIRECTORATE = "direktorat", _("Directorate (Direktorat)")
        BUREAU = "biro", _("Bureau (Biro)")
        PART = "bagian", _("Part (Bagian)")
        SUB_DIVISION = "sub_bagian", _("Sub-division (Sub Bagian)")
        DIVISION = "bidang", _("Division (Bidang)")
        SUB_DIRECTORATE = "sub_direktorat", _("Sub-directorate (Sub Direktorat)")
        SECTION = "seksi", _("Section (Seksi)")
        TECHNICAL_UNIT = "upt", _("Technical implementation unit (UPT)")
        DISTRICT = "kecamatan", _("District (Kecamatan)")
        WARD = "kelurahan", _("Ward (Kelurahan)")

    agency = models.ForeignKey(Agency, models.CASCADE, related_name="units", verbose_name=_("agency"))
    code = models.CharField(_("code"), max_length=60, validators=[code_validator])
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=300)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent unit")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["agency", "order"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="unit_code_unique_per_agency"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="unit_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent_id and self.parent.agency_id != self.agency_id:
            raise ValidationError({"parent": _("The parent unit belongs to another agency.")})
        if chain := cycle(self, "parent", lambda unit: unit.name):
            raise ValidationError(
                {
                    "parent": _(
                        "The units would be each other's parent in a circle: %(chain)s. Choose a parent unit that "
                        "does not lead back to %(name)s."
                    )
                    % {"chain": " → ".join(chain), "name": chain[0]}
                }
            )


class PositionQuerySet(models.QuerySet):
    def structural(self) -> "PositionQuerySet":
        """The positions with an IKI page, printed in the decree (staff positions left out)."""
        return self.filter(kind=Position.Kind.STRUCTURAL)


class Position(TimeStampedModel):
    """A post (jabatan): its unit, its superior, its duty and its functions.

    A structural post (the head of agency down to the heads of section) carries an IKI page and is printed in the
    decree; a staff post (pelaksana or jabatan fungsional, below the heads of section) has a superior, carries no
    IKI page, is printed nowhere in the decree and is assessed through its holder's SKP only (kinerja.skp)."""

    class Kind(models.TextChoices):
        STRUCTURAL = "struktural", _("Structural (with an IKI page)")
        STAFF = "staf", _("Staff: pelaksana or jabatan fungsional (SKP only)")

    agency = models.ForeignKey(Agency, models.CASCADE, related_name="positions", verbose_name=_("agency"))
    code = models.CharField(_("code"), max_length=60, validators=[code_validator])
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="positions", verbose_name=_("unit"))
    title = models.CharField(_("title"), max_length=300)
    printed_title = models.CharField(
        _("title as printed"),
        max_length=300,
        blank=True,
        help_text=_("Only when the decree prints it otherwise than the title in capitals."),
    )
    superior = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="subordinates",
        verbose_name=_("superior position"),
    )
    duty = models.TextField(_("duty"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind of position"), max_length=12, choices=Kind.choices, default=Kind.STRUCTURAL)

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["agency", "order"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="position_code_unique_per_agency"),
            models.CheckConstraint(condition=~Q(superior=F("id")), name="position_not_own_superior"),
            models.CheckConstraint(
                condition=Q(kind="struktural") | Q(superior__isnull=False), name="position_staff_has_superior"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def heading(self) -> str:
        """JABATAN as the decree prints it."""
        return self.printed_title or self.title.upper()

    @property
    def is_staff_position(self) -> bool:
        return self.kind == self.Kind.STAFF

    def clean(self) -> None:
        errors = {}
        if self.unit_id and self.unit.agency_id != self.agency_id:
            errors["unit"] = _("The unit belongs to another agency.")
        if self.superior_id and self.superior.agency_id != self.agency_id:
            errors["superior"] = _("The superior position belongs to another agency.")
        elif chain := cycle(self, "superior", lambda position: position.title):
            errors["superior"] = _(
                "The positions would be each other's superior in a circle: %(chain)s. Choose a superior that does "
                "not lead back to %(title)s."
            ) % {"chain": " → ".join(chain), "title": chain[0]}
        if self.kind == self.Kind.STAFF and not self.superior_id:
            errors["superior"] = _("A staff position needs its superior.")
        if self.kind == self.Kind.STAFF and self.pk and self.objectives.exists():  # type: ignore[attr-defined]
            errors["kind"] = _("This position has an IKI page: it is structural. Empty its page first.")
        if errors:
            raise ValidationError(errors)


class PositionFunction(OrderedTextItem):
    position = models.ForeignKey(Position, models.CASCADE, related_name="functions", verbose_name=_("position"))

    class Meta(OrderedTextItem.Meta):
        verbose_name = _("position function")
        verbose_name_plural = _("position functions")
        constraints = [models.UniqueConstraint(fields=["position", "order"], name="position_function_order_unique")]


class Official(TimeStampedModel):
    """A civil servant (ASN), or a regent, with name and titles, NIP, rank and grade."""

    region = models.ForeignKey(Region, models.PROTECT, related_name="officials", verbose_name=_("region"))
    nip = models.CharField(
        _("NIP"),
        max_length=18,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_nip],
        help_text=_("18 digits; empty only for an official without NIP (e.g. the regent)."),
    )
    name = models.CharField(_("name with titles"), max_length=200)
    rank = models.CharField(_("rank (pangkat)"), max_length=100, blank=True)
    grade = models.CharField(_("grade (golongan)"), max_length=10, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="official",
        verbose_name=_("user account"),
    )

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def rank_and_grade(self) -> str:
        return ", ".join(part for part in (self.rank, self.grade) if part)


class Assignment(TimeStampedModel):
    """An official holds a position from a date (TMT, until a date), possibly as acting: Plt. (pelaksana tugas,
    a vacant post) or Plh. (pelaksana harian, the holder is away), appointed by a decree. An acting holder enters
    and verifies for the position exactly as a definitive one while the assignment is in force
    (accounts.access.reach_of, through organisation.selectors.current_assignments)."""

    class ActingKind(models.TextChoices):
        PLT = "plt", _("Plt. (pelaksana tugas)")
        PLH = "plh", _("Plh. (pelaksana harian)")

    official = models.ForeignKey(Official, models.PROTECT, related_name="assignments", verbose_name=_("official"))
    position = models.ForeignKey(Position, models.CASCADE, related_name="assignments", verbose_name=_("position"))
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True)
    acting = models.BooleanField(_("acting (Plt.)"), default=False)
    acting_kind = models.CharField(
        _("acting as"),
        max_length=3,
        choices=ActingKind.choices,
        blank=True,
        help_text=_("Only for an acting assignment; empty on an acting one reads as Plt."),
    )
    decree_number = models.CharField(_("decree number"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["position", "-start"]
        constraints = [
            models.UniqueConstraint(fields=["official", "position", "start"], name="assignment_unique_start"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="assignment_end_after_start"
            ),
            models.CheckConstraint(condition=Q(acting=True) | Q(acting_kind=""), name="assignment_kind_is_acting"),
        ]

    def __str__(self) -> str:
        return f"{self.official} — {self.position}"

    def clean(self) -> None:
        """An acting post (Plt./Plh.) is appointed by a decree (surat perintah): its number is required, whichever
        door writes it (the people page, the workbook import)."""
        if self.acting and not self.decree_number.strip():
            raise ValidationError(
                {"decree_number": _("Fill in the number of the decree (surat perintah) that appoints the Plt./Plh.")}
            )

    @property
    def acting_label(self) -> str:
        """ "Plt." or "Plh." for an acting assignment, "" for a definitive one."""
        if not self.acting:
            return ""
        return "Plh." if self.acting_kind == self.ActingKind.PLH else "Plt."
