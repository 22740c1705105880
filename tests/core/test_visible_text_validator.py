"""One validator refuses direction controls and control characters in shown and printed text."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.validators import multi_line_text, single_line_text

SPOOFS = ["\u202e", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"]


@pytest.mark.parametrize("char", SPOOFS)
def test_direction_controls_are_refused_everywhere(char):
    for validator in (single_line_text, multi_line_text):
        with pytest.raises(ValidationError) as caught:
            validator(f"Anna{char}nnA")
        assert "writing direction" in caught.value.messages[0]
        assert f"U+{ord(char):04X}" in caught.value.messages[0]


@pytest.mark.parametrize("char", ["\n", "\r", "\t", "\x00", "\x1b", "\u2028", "\x85"])
def test_single_line_fields_refuse_line_breaks_and_controls(char):
    with pytest.raises(ValidationError):
        single_line_text(f"2026{char}1")


def test_multi_line_fields_keep_line_breaks_but_not_other_controls():
    multi_line_text("Hauptstraße 1\r\n48653 Coesfeld\tHinterhaus")
    with pytest.raises(ValidationError, match="control characters"):
        multi_line_text("Hauptstraße\x001")


@pytest.mark.parametrize(
    "name",
    ["Savaş Yılmaz", "Nguyễn Thị Lan", "Łukasz Wróbel", "محمد العلي", "می\u200cخواهم", "Zoë O'Neill-Smith", ""],
)
def test_real_names_in_any_script_pass(name):
    single_line_text(name)  # Arabic is right-to-left by itself; the Persian joiner U+200C stays allowed


def test_message_in_german():
    with pytest.raises(ValidationError) as caught:
        single_line_text("Anna\u202e")
    with translation.override("de"):
        assert "Schreibrichtung" in caught.value.messages[0]
