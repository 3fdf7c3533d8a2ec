"""The people page (Pegawai & akun): access → form → service → render. The rules are the services'
(organisation.people, accounts.roles); a refusal shows next to the field, or above the form."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_grant_role, may_manage_people, may_set_password
from kinerja.accounts.models import RoleGrant
from kinerja.accounts.roles import grant_role, list_grants, withdraw_role

from . import people
from .forms import AssignForm, EndForm, LoginForm, OfficialChangeForm, OfficialForm, RoleForm, add_service_errors
from .models import Agency, Assignment, Official
from .selectors import list_people, person_of, position_history


def _people_agency(request: HttpRequest, code: str) -> Agency:
    agency = agency_or_404(request.user, code)
    if not may_manage_people(request.user, agency):
        raise Http404(NOT_FOUND)
    return agency


def _person(request: HttpRequest, code: str, official: int) -> tuple[Agency, Official]:
    agency = _people_agency(request, code)
    person = person_of(agency, official)
    if person is None:
        raise Http404(NOT_FOUND)
    return agency, person


def _scope(role: str, agency: Agency) -> dict:
    if role == RoleGrant.Role.PLANNER:
        return {"agency": agency, "region": None}
    if role == RoleGrant.Role.MINISTRY:
        return {"agency": None, "region": None}
    return {"agency": None, "region": agency.region}


def _grantable(request: HttpRequest, agency: Agency, person: Official) -> list[str]:
    if person.user is None:
        return []
    return [
        role
        for role in RoleGrant.Role.values
        if may_grant_role(request.user, role, **_scope(role, agency), account=person.user)
    ]


def people_index(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = _people_agency(request, agency)
    form = OfficialForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            official = people.create_official(actor=request.user, agency=agency_obj, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("%(name)s was added.") % {"name": official.name})
            return redirect("person", agency_obj.code, official.pk)
    return render(
        request,
        "organisation/people.html",
        {"agency": agency_obj, "people": list_people(agency_obj), "form": form, "today": datetime.date.today()},
        status=400 if form.errors else 200,
    )


def _person_page(
    request: HttpRequest, agency: Agency, person: Official, status: int = 200, **forms: object
) -> HttpResponse:
    grants = list(list_grants([person.user_id])) if person.user_id else []
    context = {
        "agency": agency,
        "person": person,
        "grants": grants,
        # the same decision the services take: a login beyond the planner's reach shows why, not two buttons
        "may_set_password": person.user is None or may_set_password(request.user, person.user),
        "login_form": forms.get("login_form") or LoginForm(initial={"username": person.nip or ""}),
        "assign_form": forms.get("assign_form") or AssignForm(agency=agency),
        "role_form": forms.get("role_form") or RoleForm(roles=_grantable(request, agency, person)),
        "end_form": EndForm(),
        "change_form": forms.get("change_form")
        or OfficialChangeForm(
            initial={"nip": person.nip, "name": person.name, "rank": person.rank, "grade": person.grade},
            prefix="ubah",
        ),
    }
    return render(request, "organisation/people_person.html", context, status=status)


def person(request: HttpRequest, agency: str, official: int) -> HttpResponse:
    agency_obj, person_obj = _person(request, agency, official)
    return _person_page(request, agency_obj, person_obj)


def _refused(request: HttpRequest, error: Exception) -> None:
    text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    messages.error(request, text)


@require_POST
def person_change(request: HttpRequest, agency: str, official: int) -> HttpResponse:
    agency_obj, person_obj = _person(request, agency, official)
    form = OfficialChangeForm(request.POST, prefix="ubah")
    if form.is_valid():
        try:
            people.update_official(actor=request.user, official=person_obj, agency=agency_obj, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The details were saved."))
            return redirect("person", agency_obj.code, person_obj.pk)
    return _person_page(request, agency_obj, person_obj, status=400, change_form=form)


@never_cache
@require_POST
def person_login(request: HttpRequest, agency: str, official: int) -> HttpResponse:
    """Creates the login or gives a new initial password, shown on this answer only (never stored in clear)."""
    agency_obj, person_obj = _person(request, agency, official)
    form = LoginForm(request.POST)
    form.is_valid()
    try:
        account, password = people.give_login(
            actor=request.user, official=person_obj, agency=agency_obj, username=form.cleaned_data.get("username", "")
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _person_page(request, agency_obj, person_obj, status=400, login_form=form)
    except PermissionDenied as error:
        form.add_error(None, str(error))
        return _person_page(request, agency_obj, person_obj, status=403, login_form=form)
    return render(
        request,
        "organisation/people_secret.html",
        {"agency": agency_obj, "person": person_obj, "account": account, "password": password},
    )


@never_cache
@require_POST
def person_reset_link(request: HttpRequest, agency: str, official: int) -> HttpResponse:
    agency_obj, person_obj = _person(request, agency, official)
    try:
        uid, token = people.make_reset_token(actor=request.user, official=person_obj, agency=agency_obj)
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
        return redirect("person", agency_obj.code, person_obj.pk)
    link = request.build_absolute_uri(reverse("password_reset_confirm", args=[uid, token]))
    return render(
        request,
        "organisation/people_secret.html",
        {"agency": agency_obj, "person": person_obj, "account": person_obj.user, "link": link},
    )


@require_POST
def person_assign(request: HttpRequest, agency: str, official: int) -> HttpResponse:
    agency_obj, person_obj = _person(request, agency, official)
    form = AssignForm(request.POST, agency=agency_obj)
    if form.is_valid():
        try:
            people.assign_position(actor=request.user, official=person_obj, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The assignment was saved."))
            return redirect("person", agency_obj.code, person_obj.pk)
    person_obj = person_of(agency_obj, person_obj.pk)
    return _person_page(request, agency_obj, person_obj, status=400, assign_form=form)


@require_POST
def assignment_end(request: HttpRequest, agency: str, official: int, assignment: int) -> HttpResponse:
    agency_obj, person_obj = _person(request, agency, official)
    item = get_object_or_404(Assignment, pk=assignment, official=person_obj, position__agency=agency_obj)
    form = EndForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Fill in the last day of the assignment."))
    else:
        try:
            people.end_assignment(actor=request.user, assignment=item, end=form.cleaned_data["end"])
        except (ValidationError, PermissionDenied) as error:
            _refused(request, error)
        else:
            messages.success(request, _("The assignment was ended; it stays in the history."))
    return redirect("person", agency_obj.code, person_obj.pk)


@require_POST
def person_grant(request: HttpRequest, agency: str, official: int) -> HttpResponse:
    agency_obj, person_obj = _person(request, agency, official)
    form = RoleForm(request.POST, roles=list(RoleGrant.Role.values))
    if person_obj.user is None:
        messages.error(request, _("%(name)s has no login yet: create the login first.") % {"name": person_obj.name})
    elif form.is_valid():
        role = form.cleaned_data["role"]
        try:
            grant_role(actor=request.user, user=person_obj.user, role=role, **_scope(role, agency_obj))
        except ValidationError as error:
            add_service_errors(form, error)
            return _person_page(request, agency_obj, person_obj, status=400, role_form=form)
        except PermissionDenied as error:
            _refused(request, error)
        else:
            messages.success(request, _("The role was granted."))
    return redirect("person", agency_obj.code, person_obj.pk)


@require_POST
def person_withdraw(request: HttpRequest, agency: str, official: int, grant: int) -> HttpResponse:
    agency_obj, person_obj = _person(request, agency, official)
    item = next((g for g in list_grants([person_obj.user_id]) if g.pk == grant), None) if person_obj.user_id else None
    if item is None:
        raise Http404(NOT_FOUND)
    try:
        withdraw_role(actor=request.user, grant=item)
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    else:
        messages.success(request, _("The role was withdrawn."))
    return redirect("person", agency_obj.code, person_obj.pk)


def position_holders(request: HttpRequest, agency: str, position: str) -> HttpResponse:
    """Who held the position, definitive and acting: readable by whoever reads the agency."""
    agency_obj = agency_or_404(request.user, agency)
    position_obj = get_object_or_404(agency_obj.positions.select_related("unit"), code=position)
    return render(
        request,
        "organisation/people_position.html",
        {
            "agency": agency_obj,
            "position": position_obj,
            "history": position_history(position_obj),
            "may_manage": may_manage_people(request.user, agency_obj),
        },
    )
