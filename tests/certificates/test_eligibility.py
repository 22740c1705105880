"""The requirement engine: each of the programme's rules, with what exactly is missing."""

import datetime

import pytest

from certificates.eligibility import eligibility_for_cohort, eligibility_for_enrolment
from courses.models import EnrolmentStatus
from tests.factories import EnrolmentFactory, FacilityFactory, ParticipantFactory

from .factories import attend, make_eligible, place

pytestmark = pytest.mark.django_db


def codes(eligibility, met=None):
    return [i.code.split(":")[0] for i in eligibility.items if met is None or i.met == met]


def test_everything_met(eligible):
    result = eligibility_for_enrolment(eligible)
    assert result.eligible
    assert codes(result) == [
        "enrolment",
        "measure_over",
        "attendance",
        "attendance",
        "placement_hours",
        "prerequisites",
    ]
    assert result.missing == []


def test_nothing_recorded_yet(enrolment):
    result = eligibility_for_enrolment(enrolment)
    assert not result.eligible
    assert codes(result, met=False) == ["measure_over", "attendance", "attendance", "placement_hours", "prerequisites"]
    assert "No placement has been arranged yet." in result.reasons()


def test_module_below_its_minimum(enrolment, supervisor):
    attend(enrolment, "0.75")  # programme minimum is 80 %
    place(enrolment, supervisor=supervisor)
    result = eligibility_for_enrolment(enrolment)
    assert codes(result, met=False) == ["attendance", "attendance"]
    first = result.missing[0]
    assert first.label == "Module 1 Bildungsgrundsätze: at least 80 % attendance"
    assert first.detail == "75 % attended (30 of 40 teaching units); 2 more teaching units needed."


def test_a_module_minimum_overrides_the_programme(enrolment, supervisor):
    module = enrolment.cohort.programme.modules.get(position=2)
    module.min_attendance_percent = 70
    module.save()
    attend(enrolment, "0.75")
    place(enrolment, supervisor=supervisor)
    result = eligibility_for_enrolment(enrolment)
    assert [i.label for i in result.missing] == ["Module 1 Bildungsgrundsätze: at least 80 % attendance"]


def test_placement_hours_still_unconfirmed(enrolment, supervisor):
    programme = enrolment.cohort.programme
    programme.required_placement_hours = 120
    programme.save()
    attend(enrolment)
    place(enrolment, supervisor=supervisor, confirmed_hours=108, pending_hours=8)
    result = eligibility_for_enrolment(enrolment)
    (missing,) = result.missing
    assert missing.code == "placement_hours"
    assert missing.detail == (
        "12 of 120 placement hours still unconfirmed. 8 hours are waiting for the supervisor's confirmation."
    )


def test_prerequisites_missing(enrolment, supervisor):
    attend(enrolment)
    place(enrolment, supervisor=supervisor, prerequisites=False)
    result = eligibility_for_enrolment(enrolment)
    (missing,) = result.missing
    assert missing.code == "prerequisites"
    assert "certificate of conduct" in missing.detail


def test_facility_type_the_programme_does_not_allow(enrolment, supervisor):
    programme = enrolment.cohort.programme
    programme.allowed_facility_types = ["kita"]
    programme.save()
    attend(enrolment)
    ogs = FacilityFactory(organisation=enrolment.cohort.site.organisation, facility_type="ogs")
    place(enrolment, supervisor=supervisor, facility=ogs)
    result = eligibility_for_enrolment(enrolment)
    assert [i.code for i in result.missing] == ["facility_type"]


def test_no_placement_rules_when_the_programme_needs_no_placement(enrolment):
    programme = enrolment.cohort.programme
    programme.required_placement_hours = 0
    programme.save()
    attend(enrolment)
    assert eligibility_for_enrolment(enrolment).eligible


def test_withdrawn_is_not_eligible(eligible):
    eligible.status = EnrolmentStatus.WITHDRAWN
    eligible.withdrawn_on = datetime.date(2026, 4, 1)
    eligible.withdrawal_reason = "Arbeitsaufnahme"
    eligible.save()
    result = eligibility_for_enrolment(eligible)
    assert [i.detail for i in result.missing] == ["Withdrew on 01.04.2026."]


def test_cohort_gives_the_same_answers_as_one_by_one(cohort, supervisor):
    enrolments = [
        EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation))
        for _ in range(3)
    ]
    make_eligible(enrolments[0], supervisor=supervisor)
    attend(enrolments[1], "0.5")
    result = eligibility_for_cohort(cohort)
    assert set(result) == {e.pk for e in enrolments}
    for enrolment in enrolments:
        assert result[enrolment.pk].items == eligibility_for_enrolment(enrolment).items
    assert [result[e.pk].eligible for e in enrolments] == [True, False, False]


@pytest.mark.parametrize("size", [3, 12])
def test_a_cohort_takes_a_fixed_number_of_queries(cohort, supervisor, size, django_assert_max_num_queries):
    facility = FacilityFactory(organisation=cohort.site.organisation)
    for i in range(size):
        enrolment = EnrolmentFactory(
            cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation)
        )
        attend(enrolment, "1" if i % 2 else "0.5")
        place(enrolment, supervisor=supervisor, facility=facility, prerequisites=bool(i % 3))
    with django_assert_max_num_queries(10):
        result = eligibility_for_cohort(cohort)
        assert len(result) == size
        assert all(item.detail for e in result.values() for item in e.items)
