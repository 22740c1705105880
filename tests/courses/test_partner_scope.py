"""Which cohorts' figures each role sees: courses.selectors.cohorts_in_reports_visible_to and the rules on top of it."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import Role
from courses.rules import names_visible_in_reports
from courses.selectors import cohorts_in_reports_visible_to
from tests.factories import CohortFactory, PartnerOrganisationFactory, UserFactory


@pytest.fixture
def funders(db):
    return {
        "coesfeld": PartnerOrganisationFactory(name="Kreisjobcenter Coesfeld"),
        "borken": PartnerOrganisationFactory(name="Jobcenter Borken"),
        "ki": PartnerOrganisationFactory(name="Kommunales Integrationszentrum Kreis Coesfeld"),
    }


@pytest.fixture
def cohorts(organisation, other_organisation, funders):
    """Two providers: AWO's cohort funded by Coesfeld with the KI as partner, Caritas' one funded by Coesfeld,
    and a Caritas cohort funded by Borken."""
    awo = CohortFactory(programme__organisation=organisation, funding_body=funders["coesfeld"])
    awo.partners.add(funders["ki"])
    caritas = CohortFactory(programme__organisation=other_organisation, funding_body=funders["coesfeld"])
    borken = CohortFactory(programme__organisation=other_organisation, funding_body=funders["borken"])
    return {"awo": awo, "caritas": caritas, "borken": borken}


def _partner(organisation, username="jc"):
    user = UserFactory(username=username, role=Role.PARTNER)
    organisation.members.add(user)
    return user


def test_funder_sees_its_cohorts_across_providers(funders, cohorts):
    user = _partner(funders["coesfeld"])
    assert set(cohorts_in_reports_visible_to(user)) == {cohorts["awo"], cohorts["caritas"]}
    assert user.has_perm("courses.view_dashboard")
    assert user.has_perm("courses.view_cohort_figures", cohorts["caritas"])
    assert not user.has_perm("courses.view_cohort_figures", cohorts["borken"])


def test_partner_organisation_sees_the_cohorts_it_partners_in(funders, cohorts):
    user = _partner(funders["ki"])
    assert list(cohorts_in_reports_visible_to(user)) == [cohorts["awo"]]
    assert user.has_perm("courses.view_cohort_figures", cohorts["awo"])
    assert not user.has_perm("courses.view_cohort_figures", cohorts["caritas"])


def test_funder_and_partner_at_once_counts_a_cohort_once(funders, cohorts):
    cohorts["awo"].partners.add(funders["coesfeld"])
    user = _partner(funders["coesfeld"])
    assert cohorts_in_reports_visible_to(user).count() == 2


def test_staff_see_their_organisations_cohorts_only(staff, other_staff, cohorts):
    assert list(cohorts_in_reports_visible_to(staff)) == [cohorts["awo"]]
    assert set(cohorts_in_reports_visible_to(other_staff)) == {cohorts["caritas"], cohorts["borken"]}
    assert staff.has_perm("courses.view_dashboard")
    assert staff.has_perm("courses.view_cohort_figures", cohorts["awo"])
    assert not staff.has_perm("courses.view_cohort_figures", cohorts["caritas"])


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.PARTICIPANT, ""])
def test_other_roles_see_no_figures(role, funders, cohorts):
    user = UserFactory(username="someone", role=role)
    funders["coesfeld"].members.add(user)  # a membership without the partner role gives nothing
    assert not cohorts_in_reports_visible_to(user).exists()
    assert not user.has_perm("courses.view_dashboard")
    assert not user.has_perm("courses.view_cohort_figures", cohorts["awo"])


def test_partner_without_organisation_or_inactive_sees_nothing(funders, cohorts):
    lonely = UserFactory(username="lonely", role=Role.PARTNER)
    assert not cohorts_in_reports_visible_to(lonely).exists()
    assert not lonely.has_perm("courses.view_cohort_figures", cohorts["awo"])
    gone = _partner(funders["coesfeld"], username="gone")
    gone.is_active = False
    gone.save()
    assert not cohorts_in_reports_visible_to(gone).exists()
    assert not gone.has_perm("courses.view_dashboard")


def test_anonymous_sees_nothing(cohorts):
    assert not cohorts_in_reports_visible_to(AnonymousUser()).exists()


def test_names_only_where_the_provider_switched_them_on(funders, cohorts, staff, other_staff):
    user = _partner(funders["coesfeld"])
    awo = cohorts["awo"]
    assert not names_visible_in_reports(user, awo)  # default: customer numbers (§78 SGB X)
    assert names_visible_in_reports(staff, awo)
    assert not names_visible_in_reports(other_staff, awo)
    awo.names_visible_to_partners = True
    awo.save()
    assert names_visible_in_reports(user, awo)
    assert user.has_perm("courses.view_names_in_reports", awo)
    # The switch of one cohort opens no other, and only to partners of that cohort.
    borken_partner = _partner(funders["borken"], username="borken")
    assert not names_visible_in_reports(borken_partner, awo)
    assert not names_visible_in_reports(user, cohorts["caritas"])


def test_scope_reads_a_fixed_number_of_queries(funders, cohorts, django_assert_num_queries):
    user = _partner(funders["coesfeld"])
    with django_assert_num_queries(2):  # the memberships, then the cohorts
        assert len(list(cohorts_in_reports_visible_to(user))) == 2
    for _ in range(5):
        CohortFactory(funding_body=funders["coesfeld"])
    user = type(user).objects.get(pk=user.pk)
    with django_assert_num_queries(2):
        assert len(list(cohorts_in_reports_visible_to(user))) == 7
