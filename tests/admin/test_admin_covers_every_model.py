"""The Django admin covers every model of the project's apps, and each admin page opens."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

PROJECT_APPS = {"accounts", "courses", "placements", "certificates", "spreadsheets"}


def test_every_model_is_registered():
    missing = [
        f"{model._meta.app_label}.{model.__name__}"
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and model not in admin.site._registry
    ]
    assert not missing, f"Register these models in an admin.py: {missing}"


@pytest.mark.django_db
def test_every_changelist_opens_for_a_superuser(client, superuser):
    client.force_login(superuser)
    broken = []
    for model in admin.site._registry:
        if model._meta.app_label not in PROJECT_APPS:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        if client.get(url).status_code != 200:
            broken.append(url)
    assert not broken
