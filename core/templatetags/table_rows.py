"""The body rows of a django-tables2 table, written in Python.

django-tables2's own template loops over rows and cells in the template language: with 200 rows of six
columns that loop alone cost ~30 ms of a page (resolving ``column.attrs.td.as_html``, ``cell`` and the
localize switches 1,200 times). This tag does the same per cell (the same cells, attributes, escaping and
localisation) in a few lines of Python. Cell and row attributes without callables are the same in every
row, so they are written once per column (tables2 builds and formats them again for every cell). It is
used by the project's table template, core/table.html.
"""

from django import template
from django.templatetags.l10n import localize, unlocalize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
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
            cells.append(f"<td {td}>{conditional_escape(cell)}</td>")
        if rows_are_fixed:
            parity = row.get_even_odd_css_class()
            tr = fixed_tr.get(parity)
            if tr is None:
                tr = fixed_tr[parity] = row.attrs.as_html()
        else:
            tr = row.attrs.as_html()
        rows.append(f"<tr {tr}>{''.join(cells)}</tr>")
    return mark_safe("\n".join(rows))


def _has_callables(attrs) -> bool:
    return any(callable(value) or (isinstance(value, dict) and _has_callables(value)) for value in attrs.values())
