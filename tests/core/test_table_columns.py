"""The project's cheap table columns show exactly what django-tables2's own columns show."""

import datetime
from zoneinfo import ZoneInfo

import django_tables2 as tables
import pytest
from django.utils import translation

from core.tables import CellTemplateColumn, ShortDateColumn, ShortDateTimeColumn, _parsed

DAY = datetime.date(2026, 3, 9)
MOMENT = datetime.datetime(2026, 7, 31, 22, 30, tzinfo=ZoneInfo("UTC"))  # 1 August, 00:30 in Berlin


class Theirs(tables.Table):
    day = tables.DateColumn(short=True)
    moment = tables.DateTimeColumn(short=True)


class Ours(tables.Table):
    day = ShortDateColumn()
    moment = ShortDateTimeColumn()
    time = CellTemplateColumn("{{ record.day|date:'d.m.' }}", accessor="day")


def cells(table) -> list[list[str]]:
    return [[str(value) for _, value in row.items()] for row in table.rows]


@pytest.mark.parametrize("language", ["de", "en"])
def test_same_text_as_django_tables2(language):
    data = [{"day": DAY, "moment": MOMENT}, {"day": None, "moment": None}]
    with translation.override(language):
        theirs, ours = cells(Theirs(data)), cells(Ours(data))
    assert [row[:2] for row in ours] == theirs
    assert ours[0][:2] == ["09.03.2026", "01.08.2026 00:30"]
    assert ours[1][:2] == ["—", "—"]


def test_template_code_is_parsed_once():
    _parsed.cache_clear()
    cells(Ours([{"day": DAY, "moment": MOMENT}] * 5))
    assert _parsed.cache_info().misses == 1
    assert cells(Ours([{"day": DAY, "moment": MOMENT}]))[0][2] == "09.03."
