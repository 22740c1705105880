"""Hours are written as the reader writes numbers, in messages and on pages alike."""

import pytest
from django.template import Context, Template
from django.utils import translation

from core.numbers import hours_text


@pytest.mark.parametrize(
    ("language", "minutes", "places", "expected"),
    [
        ("de", 90, 1, "1,5"),
        ("en", 90, 1, "1.5"),
        ("de", 600, 1, "10"),
        ("de", 570, 2, "9,5"),
        ("en", 100, 2, "1.67"),
        ("de", 100, 1, "1,7"),
        ("en", 0, 1, "0"),
    ],
)
def test_hours_text(language, minutes, places, expected):
    with translation.override(language):
        assert hours_text(minutes, places=places) == expected


@pytest.mark.parametrize(("language", "expected"), [("de", "7,5 h"), ("en", "7.5 h")])
def test_the_hours_filter_follows_the_page_language(language, expected):
    template = Template("{% load ui %}{{ minutes|hours }} h|{{ nothing|hours }}")
    with translation.override(language):
        assert template.render(Context({"minutes": 450, "nothing": None})) == f"{expected}|–"
