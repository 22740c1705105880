"""The register's rows are written out in Python (RegisterForm.html_rows), not by Django's widgets: names
are escaped, every control has its label, the recorded code is preselected, and after a refused submit
what was typed comes back with the error linked to its field."""

import re

import pytest
from django.urls import reverse

from courses.models import AttendanceRecord
from tests.factories import EnrolmentFactory, ParticipantFactory


@pytest.fixture
def session(todays_session):
    return todays_session


def _person(cohort, given, family):
    return EnrolmentFactory(
        cohort=cohort,
        participant=ParticipantFactory(organisation=cohort.site.organisation, given_name=given, family_name=family),
        enrolled_on=cohort.start_date,
    )


def _fieldset(html, enrolment):
    return re.search(rf'<fieldset[^>]*>(?:(?!</fieldset>).)*name="status-{enrolment.pk}".*?</fieldset>', html, re.S)[0]


@pytest.mark.django_db
def test_rows_escape_names_label_every_control_and_preselect_the_record(client, staff, session):
    odd = _person(session.cohort, 'Ayşe "<b>', "Öz & Co")
    sick = _person(session.cohort, "Olena", "Kovalenko")
    AttendanceRecord.objects.create(session=session, enrolment=sick, status="K", note='Attest <folgt> "bald"')
    client.force_login(staff)
    html = client.get(
        reverse("courses:register", args=[session.pk]), headers={"accept-language": "en"}
    ).content.decode()

    row = _fieldset(html, odd)
    assert "<legend" in row and "Öz &amp; Co, Ayşe &quot;&lt;b&gt;" in row
    assert 'aria-label="Attendance of Ayşe &quot;&lt;b&gt; Öz &amp; Co"' in row
    assert "<b>" not in row
    # Every input has a label pointing at it, and the four codes share one name.
    for input_id in re.findall(r'<input[^>]* id="([^"]+)"', row):
        assert f'for="{input_id}"' in row
    assert re.findall(r'name="(status-\d+)"', row) == [f"status-{odd.pk}"] * 4
    assert re.search(r'value="P"[^>]*checked>', row)

    row = _fieldset(html, sick)
    assert re.search(r'value="K"[^>]*checked>', row) and not re.search(r'value="P"[^>]*checked>', row)
    assert f'name="note-{sick.pk}" id="id_note-{sick.pk}" value="Attest &lt;folgt&gt; &quot;bald&quot;"' in row


@pytest.mark.django_db
def test_refused_rows_show_what_was_typed_with_the_error_linked(client, staff, session):
    first = _person(session.cohort, "Amal", "Haddad")
    second = _person(session.cohort, "Thị Lan", "Nguyễn")
    client.force_login(staff)
    data = {
        f"status-{first.pk}": "UE",
        f"late-{first.pk}": "",
        f"early-{first.pk}": "30",
        f"note-{first.pk}": "<Bus>",
        f"status-{second.pk}": "P",
        f"late-{second.pk}": "",
        f"early-{second.pk}": "",
        f"note-{second.pk}": "",
    }
    response = client.post(reverse("courses:register", args=[session.pk]), data, headers={"accept-language": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    row = _fieldset(html, first)
    assert 'class="list-group-item border-danger"' in row
    assert re.search(r'value="UE"[^>]*checked>', row)
    early_id = f"id_early-{first.pk}"
    assert f'id="{early_id}" value="30" aria-invalid="true" aria-describedby="{early_id}_error"' in row
    assert f'<div class="col-12 text-danger small" id="{early_id}_error">Minutes only apply' in row
    assert 'value="&lt;Bus&gt;"' in row
    assert "border-danger" not in _fieldset(html, second)
    assert not AttendanceRecord.objects.exists()
