"""The body rows of a django-tables2 table, written in Python (twin: django-tables2's bootstrap5 template;
tests/core/test_table_rows.py).

django-tables2's own template loops over rows and cells in the template language, resolving
``column.attrs.td.as_html``, ``cell`` and the localize switches once per cell (docs/benchmarks.md). This does
the same per cell (the same cells, attributes, escaping and localisation) in a few lines of Python. Cell and
row attributes without callables are the same in every row, so they are written once per column (tables2
builds and formats them again for every cell).
"""

from django.templatetags.l10n import localize, unlocalize
from django.utils.safestring import SafeString

from . import escape


def table_body_rows(table) -> str:
    """Every ``<tr>`` of the table's current page; '' when there are no rows."""
    fixed_td: dict[str, str] = {}  # column name -> its cell attributes, when they never change
    fixed_tr: dict[str, str] = {}  # even/odd class -> the row attributes, when row_attrs has no callables
    table_is_fixed = not _has_callables(table.attrs)
    rows_are_fixed = not _has_callables(table.row_attrs)
    rows = []
    for row in table.paginated_rows:
        cells = []
        for column, cell in row.items():
            if column.localize is True:
                cell = localize(cell)
            elif column.localize is False:
                cell = unlocalize(cell)
            td = fixed_td.get(column.name)
            if td is None:
                td = column.attrs["td"].as_html()
                if table_is_fixed and not _has_callables(column.column.attrs):
                    fixed_td[column.name] = td
            # td and tr are attribute strings tables2 built with format_html: already escaped.
            cells.append(f"<td {td}>{escape(cell)}</td>")
        if rows_are_fixed:
            parity = row.get_even_odd_css_class()
            tr = fixed_tr.get(parity)
            if tr is None:
                tr = fixed_tr[parity] = row.attrs.as_html()
        else:
            tr = row.attrs.as_html()
        rows.append(f"<tr {tr}>{''.join(cells)}</tr>")
    return SafeString("\n".join(rows))


def _has_callables(attrs) -> bool:
    return any(callable(value) or (isinstance(value, dict) and _has_callables(value)) for value in attrs.values())
