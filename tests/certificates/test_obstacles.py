"""Why not yet, for everyone: one or two facts in plain words, with the module's name, never the same
sentence twice (issue 17.7)."""

import pytest
from django.urls import reverse

from certificates import services
from certificates.eligibility import eligibility_for_enrolment
from courses import services as course_services
from tests.factories import EnrolmentFactory, ParticipantFactory

from .factories import attend, place

pytestmark = pytest.mark.django_db


def test_module_names_and_no_repeated_placement_sentence(enrolment):
    attend(enrolment, "0.5")
    facts = eligibility_for_enrolment(enrolment).obstacles()
    assert facts[0].startswith("Module 1 Bildungsgrundsätze: 50 % attended (20 of 40 teaching units)")
    assert facts[1] == "No placement has been arranged yet."
    assert facts[2] == "(and 2 more)"
    everything = eligibility_for_enrolment(enrolment).obstacles(limit=None)
    assert everything.count("No placement has been arranged yet.") == 1
    assert any(f.startswith("Module 2 Kinderrechte:") for f in everything)


def test_one_fact_when_only_one_is_missing(enrolment, supervisor):
    attend(enrolment)
    place(enrolment, supervisor=supervisor, confirmed_hours=80, pending_hours=4)
    assert eligibility_for_enrolment(enrolment).obstacles() == [
        "10 of 90 placement hours still unconfirmed. 4 hours are waiting for the supervisor's confirmation."
    ]


def test_a_withdrawal_says_everything(enrolment, staff):
    import datetime

    attend(enrolment, "0.2")
    course_services.enrolment_withdraw(enrolment=enrolment, on=datetime.date(2026, 3, 1), reason="x", by=staff)
    assert eligibility_for_enrolment(enrolment).obstacles() == ["Withdrew on 01.03.2026."]


def test_the_cohort_page_and_the_bulk_result_say_it_with_module_names(client, staff, cohort, enrolment):
    other = EnrolmentFactory(
        cohort=cohort,
        participant=ParticipantFactory(
            organisation=cohort.site.organisation, given_name="Łukasz", family_name="Wróbel"
        ),
    )
    attend(other, "0.5")
    client.force_login(staff)
    text = client.get(reverse("certificates:cohort_overview", kwargs={"pk": cohort.pk})).content.decode()
    assert "Module 1 Bildungsgrundsätze: 50 % attended" in text
    assert text.count("No placement has been arranged yet.") == 2  # once for each of the two people
    result = services.certificates_issue_for_cohort(cohort=cohort, by=staff)
    reasons = dict((e.pk, r) for e, r in result.not_issued)
    assert "Module 1 Bildungsgrundsätze" in reasons[other.pk]
    assert reasons[other.pk].count("No placement has been arranged yet.") == 1


@pytest.mark.parametrize("role", ["supervisor", "participant_user", "other_staff"])
def test_the_cohort_page_is_refused(client, request, cohort, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("certificates:cohort_overview", kwargs={"pk": cohort.pk})).status_code == 403
