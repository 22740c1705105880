"""Form widgets for long lists."""

from django import forms

from core.html.select import select_html


class LongSelect(forms.Select):
    """A ``Select`` for hundreds of options: the same markup, written by core.html.select."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return select_html(final_attrs, self.choices, set(self.format_value(value)))
