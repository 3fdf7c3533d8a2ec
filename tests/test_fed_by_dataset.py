"""The dataset format carries `fed_by` (issue 10): the seed marks its SAKIP indicator, the export keeps it."""

from kinerja.exchange.exporter import export_agency_data
from kinerja.strategy.models import Indicator


def test_the_seed_sakip_indicator_is_fed_by_the_evaluation_and_the_export_keeps_it(seed):
    assert Indicator.objects.get(plan__agency=seed, code="IKU.1").fed_by == "evaluasi-sakip"
    assert set(Indicator.objects.filter(plan__agency=seed).exclude(fed_by="").values_list("code", flat=True)) == {
        "IKU.1"
    }
    exported = export_agency_data(seed)
    indicators = {item["code"]: item for item in exported["plan"]["indicators"]}
    assert indicators["IKU.1"]["fed_by"] == "evaluasi-sakip"
    assert "fed_by" not in indicators["IKU.2"]
