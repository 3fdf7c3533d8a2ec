"""The `example_figures` fixture (conftest.py) gives the same database as loading the example figures through the
services, so the tests that use it test what `make run` shows."""

from django.core.management import call_command

from kinerja.core.models import AuditRecord
from kinerja.performance.models import Actual, Target
from kinerja.strategy.models import Budget

IGNORED = {"id", "created_at", "updated_at", "at", "created", "modified"}


def contents(model) -> list[tuple]:
    fields = [f.attname for f in model._meta.concrete_fields if f.attname not in IGNORED]
    return sorted(tuple(str(value) for value in row) for row in model.objects.values_list(*fields))


def snapshot() -> dict:
    return {model.__name__: contents(model) for model in (Target, Actual, Budget)}


def test_the_fixture_inserts_what_the_services_write(example_figures):
    inserted = snapshot()
    audit_rows = AuditRecord.objects.count()
    assert len(inserted["Actual"]) > 100 and len(inserted["Target"]) > 300 and inserted["Budget"]

    call_command("clear_example_performance", example_figures.code)
    assert not Actual.objects.filter(is_example=True).exists()
    call_command("load_example_performance", example_figures.code)

    assert snapshot() == inserted
    # loading wrote its audit records again, and clearing one per removed row: the fixture had inserted them too
    assert AuditRecord.objects.count() > audit_rows


def test_without_the_fixture_the_seed_has_no_example_figures(seed):
    assert not Actual.objects.filter(is_example=True).exists()
    assert not Target.objects.filter(is_example=True).exists()


def test_the_fixture_takes_new_keys_when_the_old_ones_are_taken(request, seed, _example_rows):
    """Audit records are never deleted: a module that loaded and cleared the example figures for itself leaves
    records under the keys the fixture remembered. The fixture must not collide with them."""
    remembered = [row["pk"] for row in _example_rows.created[AuditRecord]][:50]
    already = set(AuditRecord.objects.filter(pk__in=remembered).values_list("pk", flat=True))  # taken before us
    AuditRecord.objects.bulk_create(
        [
            AuditRecord(
                pk=pk,
                actor_name="uji",
                action="created",
                object_label="x.y",
                object_pk="1",
                about_label="x.y",
                about_pk="1",
                description="kunci terpakai",
            )
            for pk in remembered
            if pk not in already
        ]
    )
    assert AuditRecord.objects.filter(pk__in=remembered).count() == len(remembered)
    request.getfixturevalue("example_figures")
    actual = Actual.objects.filter(is_example=True).order_by("pk").first()
    # the audit trail of an inserted actual points at the actual as it is now
    assert AuditRecord.objects.filter(object_label="performance.actual", object_pk=str(actual.pk)).exists()
