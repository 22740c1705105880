"""A ``<select>`` with many options (twin: Django's ``Select`` widget template; tests/core/test_long_select.py).

Django renders every ``<option>`` through a template, and even ``format_html`` costs microseconds an option
(docs/benchmarks.md: the placements filter's list of a large provider's cohorts); these are plain string
operations with the one escaping rule of core.html."""

from django.forms.utils import flatatt
from django.utils.safestring import SafeString

from . import escape


def select_html(attrs: dict, choices, selected: set[str]) -> SafeString:
    """``choices`` as Django's widgets take them: (value, label) or (group name, [(value, label), ...])."""
    parts = [f"<select{flatatt(attrs)}>"]
    for option_value, option_label in choices:
        if isinstance(option_label, (list, tuple)):
            parts.append(f'<optgroup label="{escape(option_value)}">')
            parts.extend(_option(value, label, selected) for value, label in option_label)
            parts.append("</optgroup>")
        else:
            parts.append(_option(option_value, option_label, selected))
    parts.append("</select>")
    return SafeString("".join(parts))


def _option(value, label, selected: set[str]) -> str:
    value = "" if value is None else str(value)
    chosen = " selected" if value in selected else ""
    return f'<option value="{escape(value)}"{chosen}>{escape(label)}</option>'
