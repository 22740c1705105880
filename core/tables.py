import functools

import django_tables2 as tables
from django.db.models import QuerySet
from django.template import Context, Template
from django.template.loader import get_template
from django_tables2.data import TableQuerysetData

from .dates import short_date, short_datetime


class CellTemplateColumn(tables.TemplateColumn):
    """A TemplateColumn that renders its cell template with a small context.

    django-tables2's own column flattens the whole page context and runs every context processor once per
    cell, about a millisecond each: 200 rows × 3 columns made the cohort pages slow (docs/benchmarks.md).
    Cell templates here see only ``record``, ``value``, ``table``, ``request``, ``user`` and the column's
    ``extra_context``; they must not need ``csrf_token`` or ``perms`` (use the rules tag ``has_perm``).
    A template given as code is parsed once per process; django-tables2 parses it again for every cell.
    """

    def render(self, record, table, value, bound_column, **kwargs):
        request = getattr(table, "request", None)
        context = {
            "record": record,
            "value": value,
            "table": table,
            "request": request,
            "user": getattr(request, "user", None),
            "default": bound_column.default,
            "column": bound_column,
            "row_counter": kwargs.get("bound_row").row_counter if kwargs.get("bound_row") else None,
        }
        context.update(self.extra_context)
        if self.template_code:
            return _parsed(self.template_code).render(Context(context))
        return get_template(self.template_name).template.render(Context(context))


@functools.cache
def _parsed(code: str) -> Template:
    return Template(code)


class ShortDateColumn(tables.Column):
    """A date as DD.MM.YYYY. django-tables2's DateColumn is a template column that parses its template for
    every cell, 50 times per page of a placements list (docs/benchmarks.md)."""

    def render(self, value):
        return short_date(value)


class ShortDateTimeColumn(tables.Column):
    """A moment as DD.MM.YYYY HH:MM in the local time zone (Europe/Berlin), without a template per cell."""

    def render(self, value):
        return short_datetime(value)


def with_tie_break(queryset: QuerySet) -> QuerySet:
    """The queryset's ordering with the primary key last, unless it is there already."""
    query = queryset.query
    ordering = list(query.order_by) or (list(query.get_meta().ordering) if query.default_ordering else [])
    if any(isinstance(part, str) and part.lstrip("-") in ("pk", "id") for part in ordering):
        return queryset
    return queryset.order_by(*ordering, "pk")


class StableOrderData(TableQuerysetData):
    """Queryset data whose every sort ends with the primary key.

    Rows that tie on the sorted column (a cohort's placements start on one day, dozens of cohorts on the
    same Monday) come back in whatever order the database likes, and PostgreSQL likes a different one for
    each page's LIMIT/OFFSET: on the scale data three of the first hundred cohorts stood on two of the first
    four pages, and so three others on none of them. The key makes the order total, so every row is on
    exactly one page."""

    def order_by(self, aliases):
        super().order_by(aliases)
        self.data = with_tie_break(self.data)


class StableTable(tables.Table):
    """A table that wraps queryset data in ``StableOrderData`` (list data sorts stably in Python anyway).
    The base class of every table in the project."""

    def __init__(self, data=None, *args, **kwargs):
        if isinstance(data, QuerySet):
            data = StableOrderData(data)
        super().__init__(data, *args, **kwargs)


class KeysFirstData(StableOrderData):
    """Queryset data for a paged table whose page is chosen by primary key before its rows are loaded.

    To cut 25 rows out of a sorted queryset the database carries every row through the sort with all its
    joined columns and per-row subqueries (hour sums, counts): 20,000 wide rows for a large provider's
    placements. Here the sort sees only the keys; the page's rows are then loaded by key, joins and
    annotations included, and put back in the sorted order. Pass it as the table's data:
    ``PlacementTable(KeysFirstData(queryset))``."""

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return super().__getitem__(key)
        keys = list(self.data.values_list("pk", flat=True)[key])
        rows = {row.pk: row for row in self.data.filter(pk__in=keys).order_by()}
        return [rows[pk] for pk in keys if pk in rows]
