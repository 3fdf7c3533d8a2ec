"""Every database starts with the 2021 worksheet (data/lke-2021.yaml); later versions come by load_worksheet."""

from django.db import migrations


def load_2021(apps, schema_editor):
    from types import SimpleNamespace

    from kinerja.evaluation.worksheet import builtin_worksheet_path, read_worksheet_file, write_worksheet

    names = ("WorksheetVersion", "Component", "SubComponent", "Criterion", "Evaluation")
    models = SimpleNamespace(**{name: apps.get_model("evaluation", name) for name in names})
    write_worksheet(read_worksheet_file(builtin_worksheet_path()), models)


def unload_2021(apps, schema_editor):
    apps.get_model("evaluation", "WorksheetVersion").objects.filter(code="2021", evaluations__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial")]
    operations = [migrations.RunPython(load_2021, unload_2021)]
