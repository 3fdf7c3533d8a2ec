"""Every model of the evaluation app is in the admin, its pages open, and a wording correction is audited."""

from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from kinerja.core.models import AuditRecord
from kinerja.evaluation import services
from kinerja.evaluation.models import Criterion

from .conftest import answer_all


def test_every_model_is_in_the_admin_and_its_pages_open(client, django_user_model, world, under_evaluation):
    answer_all(under_evaluation, world.inspector, "A", recommendation_for={"A.a.1"})
    services.finalise(actor=world.inspector, evaluation=under_evaluation)
    services.add_evidence_link(
        actor=world.planner, key="lkjip", follow_up=under_evaluation.answers.get(criterion__code="A.a.1").follow_up
    )
    models = list(apps.get_app_config("evaluation").get_models())
    assert [model._meta.label for model in models if model not in admin.site._registry] == []
    client.force_login(django_user_model.objects.create_superuser("super-lke", password="x-Super-123"))
    for model in models:
        info = (model._meta.app_label, model._meta.model_name)
        assert client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200, info
        first = model.objects.first()
        assert first is not None, info
        assert client.get(reverse("admin:{}_{}_change".format(*info), args=[first.pk])).status_code == 200, info
    criterion = Criterion.objects.get(sub_component__component__version__code="2021", code="A.a.1")
    url = reverse("admin:evaluation_criterion_change", args=[criterion.pk])
    assert client.post(url, {"text": "Terdapat pedoman teknis perencanaan kinerja (diperbaiki)."}).status_code == 302
    criterion.refresh_from_db()
    assert criterion.text.endswith("(diperbaiki).")
    assert AuditRecord.objects.filter(object_label="evaluation.criterion", object_pk=str(criterion.pk)).exists()
