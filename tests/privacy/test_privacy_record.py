"""docs/privacy.md is the record of processing; its generated half must match the code."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from privacy.record import BEGIN, END, generated_section, replace_generated_section
from privacy.register import FIELD_CATEGORIES, RECORDED_MODELS, recorded_fields


def test_the_document_matches_the_code(settings):
    # The numbers in the document are the defaults, whatever this machine's environment says.
    settings.PLACEMENT_CONDUCT_RETENTION_MONTHS = 3
    settings.IMPORT_PREVIEW_RETENTION_DAYS = 7
    settings.PRIVACY_LOGIN_RECORD_DAYS = 180
    call_command("privacy_record", "--check")


def test_the_check_fails_when_the_document_drifts(tmp_path, monkeypatch):
    from privacy.management.commands import privacy_record

    stale = tmp_path / "privacy.md"
    stale.write_text(f"# Record\n\n{BEGIN}\nold\n{END}\n", encoding="utf-8")
    monkeypatch.setattr(privacy_record, "DOC", stale)
    with pytest.raises(CommandError, match="out of date"):
        call_command("privacy_record", "--check")
    call_command("privacy_record")
    assert stale.read_text(encoding="utf-8") == f"# Record\n\n{generated_section()}\n"


def test_every_classified_field_exists():
    """A renamed or removed field must not keep a stale category."""
    fields = {f"{label}.{name}" for label, rows in recorded_fields() for name, _label, _category in rows}
    assert set(FIELD_CATEGORIES) <= fields
    assert {label for label, _rows in recorded_fields()} == set(RECORDED_MODELS)


def test_a_document_without_the_section_gets_it_appended():
    assert replace_generated_section("# Title\n").startswith("# Title\n\n" + BEGIN)
