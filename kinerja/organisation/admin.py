from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kinerja.core.admin import AuditedModelAdmin, EditedInKinerja, PlainSentencesForm, ReadOnlyAdmin, ReadOnlyInline

from . import services
from .models import Agency, AgencyFunction, Assignment, Official, Position, PositionFunction, Region, Unit

# Regions, agencies, their units, positions and functions have no page of their own in Kinerja (creating an agency
# or a region is an administrator's job; an agency's organisation otherwise arrives through the workbook import):
# the admin edits them, with the model's rules (`full_clean`: its fields, its clean(), its constraints, each as a
# sentence — `PlainSentencesForm`) and the audit trail (`AuditedModelAdmin`). Officials and their assignments have
# their door, `organisation.people`, on the Pegawai & akun page: the admin shows them.
ORGANISATION_SENTENCES = {
    "unit_not_own_parent": _("A unit cannot be its own parent unit."),
    "position_not_own_superior": _("A position cannot be its own superior."),
}


class OrganisationForm(PlainSentencesForm):
    constraint_sentences = ORGANISATION_SENTENCES


class RegionForm(PlainSentencesForm):
    """The region, with its emblem changed only through `services.set_region_emblem` (checked here by the
    service's own `checked_emblem`, so that a refusal shows next to the field)."""

    new_emblem = forms.FileField(
        label=_("new emblem"),
        required=False,
        help_text=_("PNG or SVG (without scripts or links to other files), at most 1 MB."),
    )
    remove_emblem = forms.BooleanField(label=_("remove the emblem"), required=False)

    class Meta:
        model = Region
        fields = ["code", "name", "kind", "province", "seat", "head_title", "head"]

    def clean_new_emblem(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("new_emblem")
        if upload is not None:
            try:
                services.checked_emblem(upload)
            except ValidationError as error:
                raise ValidationError(error.message_dict.get("emblem", error.messages)) from error
        return upload


@admin.register(Region)
class RegionAdmin(AuditedModelAdmin):
    form = RegionForm
    list_display = ["code", "name", "kind", "province", "seat", "head"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
    list_select_related = ["head"]
    autocomplete_fields = ["head"]
    readonly_fields = ["current_emblem"]

    @admin.display(description=_("emblem"))
    def current_emblem(self, obj: Region) -> str:
        return obj.emblem.name.rpartition("/")[2] if obj.emblem else "—"

    def save_model(self, request, obj, form, change) -> None:  # type: ignore[no-untyped-def]
        super().save_model(request, obj, form, change)
        upload = form.cleaned_data.get("new_emblem")
        if upload is not None:
            services.set_region_emblem(actor=request.user, region=obj, upload=upload)
        elif form.cleaned_data.get("remove_emblem") and obj.emblem:
            services.set_region_emblem(actor=request.user, region=obj, upload=None)


class AgencyFunctionInline(admin.TabularInline):
    model = AgencyFunction
    form = OrganisationForm
    extra = 0


@admin.register(Agency)
class AgencyAdmin(AuditedModelAdmin):
    form = OrganisationForm
    list_display = ["code", "name", "region"]
    list_filter = ["region"]
    search_fields = ["code", "name", "short_name"]
    inlines = [AgencyFunctionInline]

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        """An agency's region is chosen when it is created; moving it later moves its figures' region keys
        (`performance.region_keys.move_agency`), which the agency's file does (`exchange`), not this form."""
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "region"] if obj is not None else fields


@admin.register(Unit)
class UnitAdmin(AuditedModelAdmin):
    form = OrganisationForm
    list_display = ["name", "kind", "parent", "agency"]
    list_filter = ["agency", "kind"]
    search_fields = ["code", "name"]
    list_select_related = ["parent", "agency"]
    autocomplete_fields = ["parent"]


class PositionFunctionInline(admin.TabularInline):
    model = PositionFunction
    form = OrganisationForm
    extra = 0


# Assignments are written through one door, `organisation.people` (assign_position: the mutasi rule, acting posts
# with their decree; end_assignment), from the agency's Pegawai & akun page, which administrators may use for every
# agency. The admin shows them as history and never writes them.
class AssignmentInline(ReadOnlyInline, admin.TabularInline):
    model = Assignment
    extra = 0
    fields = ["official", "start", "end", "acting_kind", "decree_number"]
    verbose_name_plural = _("assignments (kept on the agency's Pegawai & akun page)")


@admin.register(Position)
class PositionAdmin(AuditedModelAdmin):
    form = OrganisationForm
    list_display = ["title", "unit", "superior", "agency"]
    list_filter = ["agency"]
    search_fields = ["code", "title"]
    list_select_related = ["unit", "superior", "agency"]
    autocomplete_fields = ["unit", "superior"]
    inlines = [PositionFunctionInline, AssignmentInline]


@admin.register(Official)
class OfficialAdmin(EditedInKinerja):
    """An official's NIP, name with titles, rank and grade, and their login, are written by `organisation.people`
    (create_official, update_official, give_login: the NIP checked, the titles kept apart) on the Pegawai & akun
    page of the agency where they hold a post."""

    list_display = ["name", "nip", "rank", "grade", "region"]
    list_filter = ["region"]
    search_fields = ["name", "nip"]

    def kinerja_page(self, obj: Official) -> str:
        held = obj.assignments.select_related("position__agency").order_by("-start").first()
        if held is None:
            return ""
        return reverse("person", args=[held.position.agency.code, obj.pk])


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ["official", "position", "start", "end", "acting", "acting_kind", "decree_number"]
    list_select_related = ["official", "position"]
    autocomplete_fields = ["official", "position"]


@admin.register(AgencyFunction)
class AgencyFunctionAdmin(AuditedModelAdmin):
    form = OrganisationForm
    list_display = ["agency", "order", "number", "text"]
    list_filter = ["agency"]


@admin.register(PositionFunction)
class PositionFunctionAdmin(AuditedModelAdmin):
    form = OrganisationForm
    list_display = ["position", "order", "number", "text"]
    list_filter = ["position__agency"]
    list_select_related = ["position"]
    search_fields = ["text", "position__title"]
