"""``{% table_body_rows table %}`` for the project's table template, core/table.html (core/html/table_rows.py)."""

from django import template

from core.html.table_rows import table_body_rows

register = template.Library()
register.simple_tag(table_body_rows)
