from django import template

from dashboard import selectors
from dashboard.filters import GROUPING_LABELS

register = template.Library()


@register.simple_tag
def key_figures(total):
    return selectors.key_figures(total)


@register.simple_tag
def table_headings(by):
    return selectors.table_headings(str(GROUPING_LABELS.get(by, by)).capitalize())


@register.simple_tag
def table_row(label, total):
    return selectors.table_row(label, total)


@register.filter
def choice_label(choices, value):
    return dict(choices).get(value, value)
