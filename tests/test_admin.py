"""The Django admin covers every model, in Indonesian."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from kinerja.accounts.models import User

# Every app of ours, read from the app registry: an app added later is covered without editing this list.
OUR_APPS = {config.label for config in apps.get_app_configs() if config.name.startswith("kinerja.")}


def test_every_model_of_ours_is_in_the_admin():
    assert {"accounts", "performance", "evaluation", "dashboard"} <= OUR_APPS
    missing = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS and model not in admin.site._registry
    ]
    assert missing == []


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("super", password="x-Super-123")
    client.force_login(user)
    return client


@pytest.mark.slow
def test_every_admin_list_and_form_opens(superuser_client, seed, rf):
    request = rf.get("/")
    request.user = User.objects.get(username="super")
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in OUR_APPS:
            continue
        info = (model._meta.app_label, model._meta.model_name)
        assert superuser_client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200, info
        expected = 200 if model_admin.has_add_permission(request) else 403
        assert superuser_client.get(reverse("admin:{}_{}_add".format(*info))).status_code == expected, info
        first = model.objects.first()
        if first is not None:
            url = reverse("admin:{}_{}_change".format(*info), args=[first.pk])
            assert superuser_client.get(url).status_code == 200, info


def test_admin_speaks_indonesian(superuser_client, seed):
    page = superuser_client.get(reverse("admin:index")).content.decode()
    assert "Instansi" in page
    assert "Indikator" in page
    assert "Jabatan" in page


def test_a_change_and_a_deletion_in_the_admin_go_into_the_audit_trail(superuser_client, seed):
    """What the admin still writes (the organisation, which has no page of its own) goes into the audit trail."""
    from kinerja.core.models import AuditRecord
    from kinerja.organisation.models import AgencyFunction

    row = AgencyFunction.objects.filter(agency=seed).order_by("order").first()
    url = reverse("admin:organisation_agencyfunction_change", args=[row.pk])
    form = superuser_client.get(url).context["adminform"].form
    data = {
        name: (value.pk if hasattr(value, "pk") else value) for name, value in form.initial.items() if value is not None
    }
    data["text"] = "Teks yang diubah di halaman administrasi"
    assert superuser_client.post(url, data).status_code == 302
    change = AuditRecord.objects.get(object_label="organisation.agencyfunction", object_pk=str(row.pk))
    assert change.action == "changed" and change.after["text"] == "Teks yang diubah di halaman administrasi"
    assert change.before["text"] == row.text and change.agency == seed
    superuser_client.post(reverse("admin:organisation_agencyfunction_delete", args=[row.pk]), {"post": "yes"})
    assert (
        AuditRecord.objects.filter(
            object_label="organisation.agencyfunction", object_pk=str(row.pk), action="deleted"
        ).count()
        == 1
    )


def test_the_decree_record_and_the_chapters_are_shown_but_never_written_in_the_admin(superuser_client, seed):
    """Their rules (a year inside the plan, a signatory of the agency, the chapters' plain-text markup) live in
    reports.decree_record and reports.chapter_editing: the Dokumen pages are the one door, the admin shows."""
    from kinerja.strategy.models import Decree, DecreeClause

    decree = Decree.objects.filter(plan__agency=seed).first()
    clause = decree.clauses.first()
    before = list(DecreeClause.objects.order_by("pk").values_list("pk", "text"))
    page = superuser_client.get(reverse("admin:strategy_decree_change", args=[decree.pk]))
    assert page.status_code == 200 and clause.text[:40] in page.content.decode()
    changed = {"text": "<script>x</script>", "kind": clause.kind, "order": clause.order, "decree": decree.pk}
    assert (
        superuser_client.post(reverse("admin:strategy_decreeclause_change", args=[clause.pk]), changed).status_code
        == 403
    )
    assert superuser_client.get(reverse("admin:strategy_decreechapter_add")).status_code == 403
    assert superuser_client.get(reverse("admin:reports_reportchapter_add")).status_code == 403
    assert list(DecreeClause.objects.order_by("pk").values_list("pk", "text")) == before
