"""Reading organisation names out of the free text the cohort's funder and partners once were (and a cohort
form's partners field still is): "A, B; C und D" names four organisations."""

import re

_SEPARATORS = re.compile(r"\s*(?:[,;\n]|\s\+\s|\s&\s|\sund\s|\sand\s)\s*", re.IGNORECASE)


def split_organisation_names(text: str) -> list[str]:
    """The names in ``text``, each with its spaces collapsed, in order, each once."""
    names = []
    for part in _SEPARATORS.split(text or ""):
        name = " ".join(part.split())
        if name and name not in names:
            names.append(name)
    return names
