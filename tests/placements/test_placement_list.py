"""The staff's placements list: pages chosen by key (core.tables.KeysFirstData) keep the sort order, the
cohort filter lists the staff's cohorts by name and filters by them, and a cohort from elsewhere is refused
with a message instead of showing someone else's placements."""

import pytest
from django.urls import reverse

from placements import services

from ..factories import CohortFactory, EnrolmentFactory, ParticipantFactory
from .conftest import days, log

URL = reverse("placements:placement_list")


def _placement(cohort, facility, supervisor, staff, name: str, start_offset: int):
    enrolment = EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(given_name=name))
    return services.placement_create(
        enrolment=enrolment,
        facility=facility,
        supervisor=supervisor,
        start_date=days(-30 + start_offset),
        end_date=days(-30 + start_offset + 21),
        planned_hours=90,
        by=staff,
    )


@pytest.fixture
def thirty(cohort, facility, supervisor, staff):
    """30 placements starting a day apart, created latest first."""
    return [
        _placement(cohort, facility, supervisor, staff, f"Person{offset:02d}", offset) for offset in range(29, -1, -1)
    ]


@pytest.mark.django_db
def test_pages_follow_the_sort_order(client, staff, thirty):
    client.force_login(staff)
    first = client.get(URL)
    second = client.get(URL, {"page": 2})
    assert first.status_code == second.status_code == 200
    shown = [row.record.pk for row in first.context["table"].page.object_list] + [
        row.record.pk for row in second.context["table"].page.object_list
    ]
    # Latest start first by default.
    expected = [p.pk for p in sorted(thirty, key=lambda p: (-p.start_date.toordinal(), p.pk))]
    assert shown == expected
    # Sorted the other way by a column, the page is still cut from the sorted list.
    by_start_ascending = client.get(URL, {"sort": "start_date"})
    assert [row.record.pk for row in by_start_ascending.context["table"].page.object_list] == expected[::-1][:25]


@pytest.mark.django_db
def test_rows_carry_their_hours(client, staff, supervisor, active_placement, participant_user):
    services.hours_confirm(entry=log(active_placement, participant_user, day=-3), by=supervisor)
    log(active_placement, participant_user, day=-2, start="08:00", end="10:00")
    client.force_login(staff)
    row = client.get(URL).context["table"].page.object_list[0].record
    assert (row.confirmed_minutes, row.pending_minutes, row.pending_count) == (240, 120, 1)


@pytest.mark.django_db
def test_cohort_filter_lists_own_cohorts_and_filters(client, staff, supervisor, facility, cohort, other_cohort):
    second_cohort = CohortFactory(
        programme=cohort.programme, site=cohort.site, number="2", start_date=cohort.start_date, end_date=cohort.end_date
    )
    _placement(cohort, facility, supervisor, staff, "Łukasz", 0)
    _placement(second_cohort, facility, supervisor, staff, "Nguyễn Thị", 1)
    client.force_login(staff)
    page = client.get(URL)
    html = page.content.decode()
    assert f'<option value="{cohort.pk}">{cohort}</option>'.replace("&", "&amp;") in html
    assert f'value="{other_cohort.pk}"' not in html  # another organisation's cohort is not offered
    filtered = client.get(URL, {"cohort": second_cohort.pk}).content.decode()
    assert "Nguyễn Thị" in filtered and "Łukasz" not in filtered
    assert f'<option value="{second_cohort.pk}" selected>' in filtered


@pytest.mark.django_db
def test_a_cohort_from_elsewhere_is_refused(client, staff, supervisor, facility, cohort, other_cohort):
    _placement(cohort, facility, supervisor, staff, "Łukasz", 0)
    client.force_login(staff)
    response = client.get(URL, {"cohort": other_cohort.pk})
    assert response.status_code == 200
    assert "Łukasz" not in response.content.decode()
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["supervisor", "participant_user"])
def test_others_are_refused(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403


@pytest.mark.django_db
def test_the_refusal_reads_in_german(german_client, staff, other_cohort):
    german_client.force_login(staff)
    html = german_client.get(URL, {"cohort": other_cohort.pk}).content.decode()
    assert "gültige Auswahl" in html


@pytest.mark.django_db
def test_facility_filter_lists_own_facilities_and_filters(client, staff, supervisor, facility, cohort, organisation):
    from ..factories import FacilityFactory

    second = FacilityFactory(organisation=organisation, name="OGS Am Markt")
    elsewhere = FacilityFactory(name="Kita anderswo")
    _placement(cohort, facility, supervisor, staff, "Łukasz", 0)
    second.supervisors.add(supervisor)
    _placement(cohort, second, supervisor, staff, "Nguyễn Thị", 1)
    client.force_login(staff)
    html = client.get(URL).content.decode()
    assert f'<option value="{second.pk}">{second}</option>' in html
    assert f'value="{elsewhere.pk}"' not in html
    filtered = client.get(URL, {"facility": second.pk}).content.decode()
    assert "Nguyễn Thị" in filtered and "Łukasz" not in filtered
