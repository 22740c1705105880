"""Every message of the participant pages is translated, and not fuzzy, in each language participants may
choose (core.languages). Fuzzy entries are left out of the compiled catalogue, so both show up as a key
missing from the language's own catalogue (Django's fallback to German is not counted)."""

import os

import pytest
from django.utils import translation
from django.utils.translation import trans_real

from core.languages import PARTICIPANT_ONLY_LANGUAGES
from tests.test_url_access import world  # noqa: F401  (the URL walk's world, with every participant page's data)

from .participant_msgids import collect


def _readable(key) -> str:
    text = key[0] if isinstance(key, tuple) else key
    return text.replace("\x04", " | ")


@pytest.fixture
def participant_keys(client, world):  # noqa: F811
    with translation.override("de"):
        keys, problems = collect(client, world)
    assert not problems, f"participant pages did not render: {problems}"
    assert len(keys) > 150, "the pages were not recorded"
    return keys


@pytest.mark.django_db
def test_participant_pages_are_translated_in_every_participant_language(participant_keys):
    trans_real._translations.clear()  # the compiled catalogues as they are on disk now
    missing = {}
    for language in PARTICIPANT_ONLY_LANGUAGES:
        catalogue = translation.trans_real.translation(language)._catalog
        absent = sorted(_readable(key) for key in participant_keys if key not in catalogue)
        if absent:
            missing[language] = absent
    if os.environ.get("WRITE_MISSING_MSGIDS"):
        from .catalogues import add_missing

        add_missing(participant_keys)
    report = "\n".join(f"{language}: {len(texts)} missing, e.g. {texts[:5]}" for language, texts in missing.items())
    assert not missing, f"untranslated or fuzzy participant messages (docs/languages.md):\n{report}"
