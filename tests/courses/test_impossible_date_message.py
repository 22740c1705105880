""" "31.02.1990" is written in the right format, but that day does not exist: the message says so (in the user's
language), in the forms and in the spreadsheet import, instead of asking for DD.MM.YYYY again."""

import pytest
from django.utils import translation

from courses.forms import ParticipantForm, WithdrawForm, impossible_date_message


@pytest.mark.parametrize(
    ("text", "english", "german"),
    [
        ("31.02.1990", "February 1990 has only 28 days", "Februar 1990 hat nur 28 Tage"),
        ("29.02.1991", "February 1991 has only 28 days", "Februar 1991 hat nur 28 Tage"),
        ("31.04.2001", "April 2001 has only 30 days", "April 2001 hat nur 30 Tage"),
        ("12.13.1990", "there is no month 13", "es gibt keinen Monat 13"),
    ],
)
def test_the_message_names_the_month_and_its_days(text, english, german):
    with translation.override("en"):
        assert english in impossible_date_message(text)
    with translation.override("de"):
        assert german in impossible_date_message(text)


@pytest.mark.parametrize("text", ["29.02.1992", "17.05.1990", "1990-02-31", "morgen", ""])
def test_real_dates_and_other_mistakes_are_not_its_business(text):
    assert impossible_date_message(text) is None


def test_forms_say_the_day_does_not_exist():
    with translation.override("de"):
        form = ParticipantForm(data={"given_name": "Zeynep", "family_name": "Kaya", "date_of_birth": "31.02.1990"})
        assert not form.is_valid()
        assert form.errors["date_of_birth"] == ["„31.02.1990“ ist kein Datum: Februar 1990 hat nur 28 Tage."]
        assert "TT.MM.JJJJ" not in str(form.errors)
    with translation.override("en"):
        form = WithdrawForm(data={"on": "30.02.2026", "reason": "x"})
        assert form.errors["on"] == ["“30.02.2026” is not a date: February 2026 has only 28 days."]
        # Anything else still gets the usual message.
        form = WithdrawForm(data={"on": "gestern", "reason": "x"})
        assert form.errors["on"] == ["Enter a valid date."]
