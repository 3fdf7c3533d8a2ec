"""The audit trail itself: what a record keeps, where the client's address comes from, and that nothing in the
application deletes or changes a record. (What each service records is tested with the service's app.)"""

import datetime
from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory, override_settings
from django.urls import reverse

from kinerja.core import audit
from kinerja.core.middleware import client_address
from kinerja.core.models import AuditRecord


@pytest.mark.parametrize(
    ("behind_proxy", "meta", "expected"),
    [
        (False, {"REMOTE_ADDR": "192.0.2.1"}, "192.0.2.1"),
        (False, {"REMOTE_ADDR": "192.0.2.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}, "192.0.2.1"),
        (True, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.9"}, "203.0.113.9"),
        (True, {"REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),
        (False, {"REMOTE_ADDR": "not-an-address"}, None),
    ],
)
def test_the_client_address_trusts_x_forwarded_for_only_behind_our_proxy(behind_proxy, meta, expected):
    with override_settings(KINERJA_BEHIND_TRUSTED_PROXY=behind_proxy):
        assert client_address(RequestFactory().get("/", **meta)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("85.5000"), "85.5000"),
        (Decimal("1E+3"), "1000"),
        (datetime.date(2022, 2, 14), "2022-02-14"),
        (None, None),
        ("<b>teks</b>", "<b>teks</b>"),
        ([Decimal("1.5"), 2], ["1.5", 2]),
    ],
)
def test_values_are_kept_as_json_exactly(value, expected):
    assert audit.json_value(value) == expected


def _record(user, agency, **kwargs) -> AuditRecord:
    values = {
        "actor": user,
        "action": "changed",
        "obj": user,
        "before": {"first_name": "Lama"},
        "after": {"first_name": "Baru"},
        "agency": agency,
        **kwargs,
    }
    return audit.record(**values)


def test_a_record_keeps_who_from_where_what_and_the_name_after_the_user_is_gone(django_user_model, seed):
    user = django_user_model.objects.create_user("penghapus", password="x-Del-123", first_name="Petugas Uji")
    with audit.client_ip_set("2001:db8::1"):
        entry = _record(user, seed, note="alasan")
    assert audit.client_ip() is None
    assert (entry.user, entry.actor_name, entry.ip_address, entry.agency) == (user, "Petugas Uji", "2001:db8::1", seed)
    assert (entry.object_label, entry.object_pk, entry.about_label) == ("accounts.user", str(user.pk), "accounts.user")
    assert entry.description == "Pengguna «penghapus» diubah" and entry.note == "alasan"
    user.delete()
    entry.refresh_from_db()
    assert entry.user is None and entry.actor_name == "Petugas Uji"


def test_a_change_that_changes_nothing_is_not_recorded(django_user_model, seed):
    user = django_user_model.objects.create_user("sama", password="x-Same-123")
    assert _record(user, seed, before={"a": "1"}, after={"a": "1"}) is None
    deleted = _record(None, None, action="deleted", obj=user, before={"a": "1"}, after=None)
    assert deleted.actor_name == audit.SYSTEM_NAME and deleted.ip_address is None


def test_changes_are_shown_field_by_field_with_numbers_the_indonesian_way():
    entry = AuditRecord(
        action="changed",
        object_label="strategy.budget",
        before={"amount": "1234567.50", "year": 2022, "is_example": True},
        after={"amount": "2000000.00", "year": 2022, "is_example": False},
    )
    assert [(c.field, c.before, c.after) for c in audit.changes(entry)] == [
        ("amount", "1.234.567,50", "2.000.000,00"),
        ("is_example", "ya", "tidak"),
    ]
    created = AuditRecord(action="created", object_label="unknown.model", before=None, after={"x": "", "y": "z"})
    assert [(c.label, c.before, c.after) for c in audit.changes(created)] == [("y", "—", "z")]


def test_the_application_never_deletes_or_changes_an_audit_record(client, django_user_model, seed):
    user = django_user_model.objects.create_user("biasa", password="x-Norm-123")
    entry = _record(user, seed)
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditRecord.objects.filter(pk=entry.pk).delete()
    client.force_login(django_user_model.objects.create_superuser("akar", password="x-Root-123"))
    assert client.get(reverse("admin:core_auditrecord_change", args=[entry.pk])).status_code == 200  # readable
    assert client.get(reverse("admin:core_auditrecord_delete", args=[entry.pk])).status_code == 403
    assert client.post(reverse("admin:core_auditrecord_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    assert (
        client.post(
            reverse("admin:core_auditrecord_change", args=[entry.pk]), {"description": "dipalsukan"}
        ).status_code
        == 403
    )
    assert client.get(reverse("admin:core_auditrecord_add")).status_code == 403
    changelist = client.get(reverse("admin:core_auditrecord_changelist"))
    assert changelist.status_code == 200 and "delete_selected" not in changelist.content.decode()
    entry.refresh_from_db()
    assert entry.description == "Pengguna «biasa» diubah"
    assert AuditRecord.objects.filter(pk=entry.pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger guards PostgreSQL only")
def test_postgresql_refuses_a_raw_delete_of_an_audit_record(django_user_model, seed):
    user = django_user_model.objects.create_user("mentah", password="x-Raw-123")
    _record(user, seed)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditrecord")
