"""Loading a dataset is recorded: one record per row created or changed, and one of the whole load."""

import copy

from django.conf import settings

from kinerja.core.models import AuditRecord
from kinerja.exchange.dataset_io import read_dataset
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.strategy.models import Indicator


def test_a_load_records_the_rows_it_changed_and_a_summary_and_nothing_when_unchanged(seed):
    data = read_dataset(settings.KINERJA_BUILTIN_DATASET)
    before = AuditRecord.objects.count()
    load_agency_data(actor=None, data=data, source="ulang.yaml")
    assert AuditRecord.objects.count() == before  # nothing changed, nothing recorded
    changed = copy.deepcopy(data)
    old_name = changed["plan"]["indicators"][0]["name"]
    changed["plan"]["indicators"][0]["name"] = "Nama indikator yang diubah"
    load_agency_data(actor=None, data=changed, source="ubah.yaml")
    indicator = Indicator.objects.get(plan__agency=seed, code=changed["plan"]["indicators"][0]["code"])
    entry = AuditRecord.objects.get(object_label="strategy.indicator", object_pk=str(indicator.pk), action="changed")
    assert (entry.before["name"], entry.after["name"]) == (old_name, "Nama indikator yang diubah")
    summary = AuditRecord.objects.get(action="loaded", note__contains="ubah.yaml")
    assert summary.agency_id == seed.pk and "1 diubah" in summary.description
