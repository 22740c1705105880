"""Reading organisation names out of the free text the cohort's funder and partners once were (and a cohort
form's partners field still is): "A, B; C und D" names four organisations."""

import difflib
import re
import unicodedata

from core.text import fold

_SEPARATORS = re.compile(r"\s*(?:[,;\n]|\s\+\s|\s&\s|\sund\s|\sand\s)\s*", re.IGNORECASE)


def split_organisation_names(text: str) -> list[str]:
    """The names in ``text``, each with its spaces collapsed, in order, each once."""
    names = []
    for part in _SEPARATORS.split(text or ""):
        name = " ".join(part.split())
        if name and name not in names:
            names.append(name)
    return names


# How alike two names' keys must be (difflib's ratio, 0 to 1) for one to look like a misspelling of the other.
# 0.9 allows about one wrong letter in ten ("Kreisjobcentr Coesfeld": 0.98) and keeps apart names that
# share a long stem but name another place ("Kommunales Integrationszentrum Kreis Coesfeld" and "… Kreis
# Borken": 0.89).
CLOSE_NAME_RATIO = 0.9

# German umlauts are also written "ae", "oe", "ue" ("Dülmen", "Duelmen"); core.text.fold does the rest
# (case, accents, spaces).
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def organisation_name_key(name: str) -> str:
    """``name`` as compared for likeness: lower case, umlauts spelt out, accents and extra spaces dropped."""
    return fold(unicodedata.normalize("NFC", name or "").translate(_UMLAUTS))


def likely_meant_organisation(name: str, known_names) -> str | None:
    """The known organisation name that ``name`` most likely misspells, or None.

    A known name is close when the two keys (``organisation_name_key``) are the same, which covers case,
    spacing, "ü"/"ue" and accents, or alike by at least CLOSE_NAME_RATIO. A name written exactly as a known
    one (spaces tidied) is that organisation, not a misspelling. The caller decides what a close name means
    (the cohort form asks the user to confirm a new organisation; imports take the name as written)."""
    name = " ".join((name or "").split())
    key = organisation_name_key(name)
    close = []
    for known in known_names:
        if known == name:
            return None
        known_key = organisation_name_key(known)
        if known_key == key:
            close.append((1.0, known))
            continue
        matcher = difflib.SequenceMatcher(None, key, known_key)
        # The quick upper bounds first: most known names are nowhere near.
        if matcher.quick_ratio() >= CLOSE_NAME_RATIO and matcher.ratio() >= CLOSE_NAME_RATIO:
            close.append((matcher.ratio(), known))
    return max(close)[1] if close else None
