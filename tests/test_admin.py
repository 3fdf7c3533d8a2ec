"""The Django admin covers every model, in Indonesian."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from kinerja.accounts.models import User

OUR_APPS = {"accounts", "organisation", "strategy", "performance"}


def test_every_model_of_ours_is_in_the_admin():
    missing = [
        model._meta.label for model in apps.get_models()
        if model._meta.app_label in OUR_APPS and model not in admin.site._registry
    ]
    assert missing == []


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("super", password="x-Super-123")
    client.force_login(user)
    return client


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
