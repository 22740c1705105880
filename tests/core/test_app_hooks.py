"""{% app_hooks "slot" %} fills a slot with every installed app's hook template, in the order of the installed
apps; apps without one are skipped, and an app added later is picked up without naming it anywhere."""

import pytest
from django.template import engines
from django.test import override_settings
from django.urls import reverse

from core.hooks import hook_templates

PAGE = '{% load app_hooks %}[{% app_hooks "test_slot" %}]'


def locmem_templates(templates):
    return [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", templates)]},
        }
    ]


def render(context=None):
    return engines["django"].from_string(PAGE).render(context or {})


def test_apps_fill_the_slot_in_the_order_of_the_installed_apps():
    templates = {
        "placements/hooks/test_slot.html": "placements:{{ word }};",
        "courses/hooks/test_slot.html": "courses:{{ word }};",
        "privacy/hooks/test_slot.html": "privacy:{{ word }};",
    }
    with override_settings(TEMPLATES=locmem_templates(templates)):
        assert render({"word": "<b>"}) == "[courses:&lt;b&gt;;placements:&lt;b&gt;;privacy:&lt;b&gt;;]"


def test_an_app_without_a_hook_file_adds_nothing():
    with override_settings(TEMPLATES=locmem_templates({"courses/hooks/other_slot.html": "x"})):
        assert render() == "[]"
        assert hook_templates("test_slot", engines["django"].engine) == ()


def test_a_new_app_is_picked_up_without_naming_it(settings):
    templates = {"courses/hooks/test_slot.html": "courses;", "humanize/hooks/test_slot.html": "new app;"}
    with override_settings(TEMPLATES=locmem_templates(templates)):
        assert render() == "[courses;]"  # humanize is not installed yet
        with override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, "django.contrib.humanize"]):
            assert render() == "[courses;new app;]"


def test_the_project_fills_the_slots_from_each_apps_hook_files():
    engine = engines["django"].engine
    assert hook_templates("cohort_actions_extra", engine) == (
        "courses/hooks/cohort_actions_extra.html",
        "placements/hooks/cohort_actions_extra.html",
        "certificates/hooks/cohort_actions_extra.html",
        "spreadsheets/hooks/cohort_actions_extra.html",
        "notifications/hooks/cohort_actions_extra.html",
        "outcomes/hooks/cohort_actions_extra.html",
        "dashboard/hooks/cohort_actions_extra.html",
    )
    assert hook_templates("participant_sections_extra", engine) == ("privacy/hooks/participant_sections_extra.html",)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who, url",
    [
        ("staff", lambda cohort, participant: reverse("home")),
        ("supervisor", lambda cohort, participant: reverse("home")),
        ("participant_user", lambda cohort, participant: reverse("home")),
        ("staff", lambda cohort, participant: reverse("courses:cohort_detail", args=[cohort.pk])),
        ("staff", lambda cohort, participant: reverse("courses:participant_detail", args=[participant.pk])),
    ],
)
def test_finding_the_hooks_costs_the_pages_no_query(
    request, client, who, url, cohort, enrolment, django_assert_num_queries
):
    """The pages with hooks make the same queries whether the apps' hooks were found before or are found
    now (the growth with the cohort's size is tested in tests/scale/test_query_counts.py)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core import hooks

    client.force_login(request.getfixturevalue(who))
    address = url(cohort, enrolment.participant)
    assert client.get(address).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        client.get(address)
    hooks._discovered.clear()
    with django_assert_num_queries(len(warm)):
        client.get(address)
