"""Fill the region key of every existing target, actual and evidence file from indicator → plan → agency → region
(docs/scale.md §1), one set-based UPDATE per table (SQLite ≥ 3.33 and PostgreSQL both take UPDATE … FROM)."""

from django.db import migrations


def backfill(apps, schema_editor):
    table = {name: apps.get_model(*name.split(".", 1))._meta.db_table for name in NAMES}
    chain = (
        f"FROM {table['strategy.Indicator']} i "
        f"JOIN {table['strategy.StrategicPlan']} p ON p.id = i.plan_id "
        f"JOIN {table['organisation.Agency']} a ON a.id = p.agency_id"
    )
    for model in ("performance.Target", "performance.Actual"):
        schema_editor.execute(
            f"UPDATE {table[model]} SET agency_id = p.agency_id, region_id = a.region_id "
            f"{chain} WHERE i.id = {table[model]}.indicator_id"
        )
    evidence, actual = table["performance.Evidence"], table["performance.Actual"]
    schema_editor.execute(
        f"UPDATE {evidence} SET agency_id = x.agency_id, region_id = x.region_id "
        f"FROM {actual} x WHERE x.id = {evidence}.actual_id"
    )


NAMES = (
    "strategy.Indicator",
    "strategy.StrategicPlan",
    "organisation.Agency",
    "performance.Target",
    "performance.Actual",
    "performance.Evidence",
)


class Migration(migrations.Migration):
    dependencies = [("performance", "0007_region_key_fields")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop, elidable=False)]
