"""The one check for characters that must not reach a printed or shown text.

Bidirectional controls (U+202A–U+202E, U+2066–U+2069, the marks U+200E/U+200F/U+061C) reorder what is shown
without being seen: a name with a right-to-left override prints as a different name on the certificate and
the check page. Other control characters (NUL, escape, a line break in a cohort number) break file names,
CSV rows and PDFs. Joiners (U+200C ZWNJ, U+200D ZWJ) stay allowed: Persian and other scripts need them in
names.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Line and paragraph separators break a line although they are not control characters.
LINE_BREAKS = frozenset("\n\r\u0085\u2028\u2029\x0b\x0c")
MULTI_LINE_ALLOWED = frozenset("\n\r\t")


def forbidden_characters(value: str, *, multi_line: bool = False) -> list[str]:
    """The characters of ``value`` that the rule refuses, each once, in order of appearance."""
    found: list[str] = []
    for char in value:
        if char in found:
            continue
        if char in BIDI_CONTROLS:
            found.append(char)
        elif multi_line and char in MULTI_LINE_ALLOWED:
            continue
        elif char in LINE_BREAKS or unicodedata.category(char) == "Cc":
            found.append(char)
    return found


def _names(chars: list[str]) -> str:
    return ", ".join(f"U+{ord(c):04X}" for c in chars)


@deconstructible
class VisibleTextValidator:
    """Refuses invisible direction controls and control characters; ``multi_line`` allows line breaks and
    tabs (addresses, reasons, activities)."""

    def __init__(self, multi_line: bool = False):
        self.multi_line = multi_line

    def __call__(self, value) -> None:
        if not isinstance(value, str) or not value:
            return
        found = forbidden_characters(value, multi_line=self.multi_line)
        if not found:
            return
        if any(char in BIDI_CONTROLS for char in found):
            message = _(
                "The text contains invisible characters that change the writing direction (%(chars)s) and could "
                "disguise what is shown or printed. Please type it again without them."
            )
        elif not self.multi_line and any(char in LINE_BREAKS for char in found):
            message = _("Please write this on one line, without line breaks (%(chars)s).")
        else:
            message = _("The text contains control characters (%(chars)s). Please type it again without them.")
        raise ValidationError(message, code="invisible_characters", params={"chars": _names(found)})

    def __eq__(self, other) -> bool:
        return isinstance(other, VisibleTextValidator) and other.multi_line == self.multi_line


single_line_text = VisibleTextValidator()
multi_line_text = VisibleTextValidator(multi_line=True)
