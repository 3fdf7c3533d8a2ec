"""The audit trail's admin shows client addresses to the system administrator only."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from kinerja.core import audit
from kinerja.core.models import AuditRecord


@pytest.fixture
def record(seed):
    indicator = seed.plans.first().indicators.first()
    item = audit.build(
        actor=None,
        action=AuditRecord.Action.CHANGED,
        obj=indicator,
        before={"a": 1},
        after={"a": 2},
        agency=seed,
        about=indicator,
        description="uji alamat",
    )
    item.ip_address = "203.0.113.77"
    item.save()
    return item


def test_a_staff_reader_of_the_audit_trail_does_not_see_addresses(client, django_user_model, record):
    staff = django_user_model.objects.create_user("staf", password="x-Staf-12345", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_auditrecord"))
    client.force_login(staff)
    listing = client.get(reverse("admin:core_auditrecord_changelist"))
    detail = client.get(reverse("admin:core_auditrecord_change", args=[record.pk]))
    assert listing.status_code == detail.status_code == 200
    assert "uji alamat" in listing.content.decode()
    assert "203.0.113.77" not in listing.content.decode() + detail.content.decode()


def test_the_administrator_sees_them(client, django_user_model, record):
    client.force_login(django_user_model.objects.create_superuser("super-alamat", password="x-Super-12345"))
    assert "203.0.113.77" in client.get(reverse("admin:core_auditrecord_changelist")).content.decode()
    assert "203.0.113.77" in client.get(reverse("admin:core_auditrecord_change", args=[record.pk])).content.decode()
