"""Form widgets for long lists.

Django renders every ``<option>`` of a ``Select`` through a template (~0.2 ms each), and even
``format_html`` costs microseconds an option: the placements filter's list of a large provider's 1,200
cohorts took most of that page's time. ``LongSelect`` writes the same markup with plain string operations.
"""

import html

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class LongSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        parts = [f"<select{flatatt(final_attrs)}>"]
        for option_value, option_label in self.choices:
            if isinstance(option_label, (list, tuple)):  # a group: (group name, [(value, label), ...])
                parts.append(f'<optgroup label="{_escape(option_value)}">')
                parts.extend(_option(value, label, selected) for value, label in option_label)
                parts.append("</optgroup>")
            else:
                parts.append(_option(option_value, option_label, selected))
        parts.append("</select>")
        return mark_safe("".join(parts))


def _escape(text) -> str:
    """Django's conditional_escape without its lazy-string wrapper: safe strings stay as they are."""
    if hasattr(text, "__html__"):
        return text.__html__()
    return html.escape(str(text))


def _option(value, label, selected: set[str]) -> str:
    value = "" if value is None else str(value)
    chosen = " selected" if value in selected else ""
    return f'<option value="{html.escape(value)}"{chosen}>{_escape(label)}</option>'
