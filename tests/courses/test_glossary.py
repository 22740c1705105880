"""One word per concept (docs/development.md, Glossary): a course run is a "Kurs" on every German page and a
"cohort" on every English one, and status words are written in lower case, whatever other packages say."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

ROOT = Path(__file__).resolve().parents[2]
AVOIDED = ("Durchgang", "Durchgäng", "Kohorte")


def test_no_translation_uses_an_avoided_word():
    for po in [ROOT / "locale/de/LC_MESSAGES/django.po", *ROOT.glob("*/locale/de/LC_MESSAGES/django.po")]:
        if ".venv" in po.parts:
            continue
        text = po.read_text(encoding="utf-8")
        for word in AVOIDED:
            assert word not in text, f"{po.relative_to(ROOT)} uses “{word}”; the glossary says “Kurs”"


def test_status_words_and_the_cohort_word_as_the_glossary_says():
    with translation.override("de"):
        assert gettext("Cohort") == "Kurs"
        assert [gettext(w) for w in ("active", "completed", "withdrawn")] == ["aktiv", "abgeschlossen", "ausgeschieden"]
        assert [gettext(w) for w in ("planned", "running", "finished")] == ["geplant", "läuft", "abgeschlossen"]


def test_english_templates_and_code_say_cohort_not_run():
    for path in ROOT.glob("*/tables.py"):
        assert '_("Run")' not in path.read_text(encoding="utf-8"), path


@pytest.mark.django_db
def test_cohort_list_column_is_kurs(client, staff, cohort):
    client.force_login(staff)
    client.cookies["django_language"] = "de"
    page = client.get(reverse("courses:cohort_list"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert ">Kurs<" in page and "Durchgang" not in page
