"""The migration that turns the cohort's funder and partners texts into organisations."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("courses", "0007_visible_text_and_protected_authors")]
AFTER = None  # every app's newest migration: later tests need the whole schema back


def _migrate(targets):
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def _cohort(apps, number, funding_body, partners):
    Organisation = apps.get_model("courses", "Organisation")
    organisation, _ = Organisation.objects.get_or_create(name="AWO Unterbezirk Münsterland-Recklinghausen")
    site, _ = apps.get_model("courses", "Site").objects.get_or_create(organisation=organisation, name="Dülmen")
    programme, _ = apps.get_model("courses", "Programme").objects.get_or_create(
        organisation=organisation, title="Integrationsbegleiter:in in Kitas"
    )
    return apps.get_model("courses", "Cohort").objects.create(
        programme=programme,
        site=site,
        number=number,
        start_date=datetime.date(2025, 2, 3),
        end_date=datetime.date(2025, 7, 4),
        funding_body=funding_body,
        partners=partners,
    )


@pytest.mark.django_db(transaction=True)
def test_texts_become_organisations_one_per_name():
    old = _migrate(BEFORE)
    first = _cohort(
        old, "2025-1", "Kreisjobcenter Coesfeld", "Kommunales Integrationszentrum Kreis Coesfeld; Caritas und Diakonie"
    )
    second = _cohort(
        old, "2025-2", " Kreisjobcenter  Coesfeld ", "Caritas, Kommunales Integrationszentrum Kreis Coesfeld"
    )
    bare = _cohort(old, "2025-3", "", "")

    new = _migrate(AFTER)
    Cohort = new.get_model("courses", "Cohort")
    PartnerOrganisation = new.get_model("courses", "PartnerOrganisation")
    assert sorted(PartnerOrganisation.objects.values_list("name", flat=True)) == [
        "Caritas",
        "Diakonie",
        "Kommunales Integrationszentrum Kreis Coesfeld",
        "Kreisjobcenter Coesfeld",
    ]
    first, second, bare = (Cohort.objects.get(pk=c.pk) for c in (first, second, bare))
    assert first.funding_body.name == second.funding_body.name == "Kreisjobcenter Coesfeld"
    assert first.funding_body_id == second.funding_body_id
    assert sorted(p.name for p in first.partners.all()) == [
        "Caritas",
        "Diakonie",
        "Kommunales Integrationszentrum Kreis Coesfeld",
    ]
    assert sorted(p.name for p in second.partners.all()) == ["Caritas", "Kommunales Integrationszentrum Kreis Coesfeld"]
    assert bare.funding_body_id is None and not bare.partners.exists()
    assert not first.names_visible_to_partners  # §78 SGB X: off until the provider switches it on


@pytest.mark.django_db(transaction=True)
def test_going_back_writes_the_names_as_text():
    old = _migrate(BEFORE)
    cohort = _cohort(old, "2025-1", "Jobcenter Borken", "KI Borken und Caritas")
    _migrate(AFTER)
    old = _migrate(BEFORE)
    cohort = old.get_model("courses", "Cohort").objects.get(pk=cohort.pk)
    assert cohort.funding_body == "Jobcenter Borken"
    assert cohort.partners == "Caritas, KI Borken"
    _migrate(AFTER)
