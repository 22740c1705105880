"""LongSelect writes the same options as Django's Select: values, labels (escaped), the chosen one, groups."""

import re

from django import forms

from core.widgets import LongSelect

CHOICES = [("", "---------"), (1, "Kita Sonnenschein"), (2, "OGS <Am Markt> & Co"), ("Dülmen", [(3, "Savaş")])]


def options(html: str) -> list[tuple]:
    return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html)


def test_same_options_and_selection_as_django():
    ours = LongSelect(choices=CHOICES).render("facility", 2, attrs={"id": "id_facility", "class": "form-select"})
    theirs = forms.Select(choices=CHOICES).render("facility", 2, attrs={"id": "id_facility", "class": "form-select"})
    assert options(ours) == options(theirs)
    assert ("2", " selected", "OGS &lt;Am Markt&gt; &amp; Co") in options(ours)
    assert '<optgroup label="Dülmen">' in ours
    assert ours.startswith('<select name="facility" id="id_facility" class="form-select">') or (
        'name="facility"' in ours and 'id="id_facility"' in ours
    )


def test_nothing_chosen():
    assert " selected" not in LongSelect(choices=CHOICES[1:]).render("facility", None)
