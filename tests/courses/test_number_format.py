"""One number format per language: units with one decimal and the reader's decimal separator on every page
("5,0" in German, "5.0" in English), never Python's "5.00" next to a German "51,1"."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from core.numbers import decimal_text
from courses.models import AttendanceRecord, TeachingSession


@pytest.mark.parametrize(
    ("value", "german", "english"),
    [
        (Decimal("5.00"), "5,0", "5.0"),
        ("96.0", "96,0", "96.0"),
        (Decimal("2.67"), "2,7", "2.7"),
        (51.05, "51,1", "51.1"),
    ],
)
def test_decimal_text_and_filter(value, german, english):
    template = Template("{% load ui %}{{ value|decimal }}")
    with translation.override("de"):
        assert decimal_text(value) == german
        assert template.render(Context({"value": value})) == german
    with translation.override("en"):
        assert decimal_text(value) == english
    assert decimal_text(None) == "" and decimal_text("–") == "–"


@pytest.mark.django_db
def test_participant_attendance_list_shows_units_in_the_readers_format(client, cohort, enrolment, participant_user):
    session = TeachingSession.objects.create(
        cohort=cohort,
        module=cohort.programme.modules.first(),
        date=cohort.start_date,
        start_time=datetime.time(9),
        end_time=datetime.time(12),
        units=5,
    )
    AttendanceRecord.objects.create(session=session, enrolment=enrolment, status="P", attended_units=Decimal("5.00"))
    client.force_login(participant_user)
    url = reverse("courses:enrolment_attendance", args=[enrolment.pk])
    client.cookies["django_language"] = "de"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "5,0" in page and "5.00" not in page
    client.cookies["django_language"] = "en"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "5.0" in page and "5.00" not in page and "5,0" not in page
