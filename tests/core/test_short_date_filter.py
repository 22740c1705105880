"""The short_date and short_time template filters: DD.MM.YYYY and HH:MM in both languages, a moment on its day
in Europe/Berlin (a certificate issued at 00:30 is not dated the day before), nothing for no value."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.utils import translation

BERLIN = ZoneInfo("Europe/Berlin")


def _render(code: str, **context) -> str:
    return engines["django"].from_string("{% load ui %}" + code).render(context)


@pytest.mark.parametrize("language", ["de", "en"])
def test_dates_and_times_look_the_same_in_both_languages(language):
    with translation.override(language):
        text = _render(
            "{{ day|short_date }} {{ start|short_time }}", day=datetime.date(2026, 3, 9), start=datetime.time(8, 5)
        )
    assert text == "09.03.2026 08:05"


def test_a_moment_is_dated_by_its_day_in_berlin():
    just_after_midnight = datetime.datetime(2026, 3, 2, 0, 30, tzinfo=BERLIN).astimezone(datetime.UTC)
    assert just_after_midnight.day == 1  # still the 1st in UTC
    assert _render("{{ moment|short_date }} {{ moment|short_time }}", moment=just_after_midnight) == "02.03.2026 00:30"


def test_no_value_shows_nothing():
    assert _render("[{{ nothing|short_date }}][{{ nothing|short_time }}]", nothing=None) == "[][]"
