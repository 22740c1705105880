"""Form widgets for long lists.

Django renders every ``<option>`` of a ``Select`` through a template (~0.2 ms each): the placements
filter's list of a large provider's 1,200 cohorts took most of that page's time. ``LongSelect`` writes the
same markup in Python.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class LongSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = []
        for option_value, option_label in self.choices:
            if isinstance(option_label, (list, tuple)):  # a group: (group name, [(value, label), ...])
                options.append(
                    format_html('<optgroup label="{}">{}</optgroup>', option_value, _options(option_label, selected))
                )
            else:
                options.append(_options([(option_value, option_label)], selected))
        return format_html("<select{}>{}</select>", flatatt(final_attrs), mark_safe("".join(options)))


def _options(choices, selected: set[str]) -> str:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (
                "" if value is None else str(value),
                mark_safe(" selected") if ("" if value is None else str(value)) in selected else "",
                label,
            )
            for value, label in choices
        ),
    )
