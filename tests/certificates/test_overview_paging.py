"""The eligibility overview counts the whole cohort but lists the checklists 25 at a time."""

import pytest
from django.urls import reverse

from ..factories import EnrolmentFactory, ParticipantFactory


@pytest.mark.django_db
def test_counts_cover_everyone_and_checklists_come_in_pages(client, staff, cohort):
    for number in range(30):
        EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(family_name=f"Łukasiewicz{number:02d}"))
    client.force_login(staff)
    url = reverse("certificates:cohort_overview", kwargs={"pk": cohort.pk})
    first, second = client.get(url), client.get(url, {"page": 2})
    assert "0 of 30 participants have a certificate; 0 more meet every requirement." in first.content.decode()
    names = [row.record.enrolment.participant.family_name for row in first.context["table"].page.object_list]
    names += [row.record.enrolment.participant.family_name for row in second.context["table"].page.object_list]
    assert len(first.context["table"].page.object_list) == 25
    assert names == [f"Łukasiewicz{number:02d}" for number in range(30)]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["supervisor", "participant_user", "other_staff"])
def test_others_are_refused(client, request, cohort, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("certificates:cohort_overview", kwargs={"pk": cohort.pk})).status_code in (403, 404)
