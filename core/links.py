"""Links for long tables: ``reverse()`` once per table instead of once per row.

``reverse`` per row was a measurable share of a 200-row table with three links per row (docs/benchmarks.md). The URL of
one object differs from another's only in its primary key, so the pattern is reversed once with a marker
and each row fills in its number.
"""

from collections.abc import Callable

from django.urls import reverse

_MARKER = 987654321


def pk_link(viewname: str, kwarg: str = "pk") -> Callable[[int], str]:
    """A function pk -> URL of ``viewname`` (whose only URL argument is ``kwarg``)."""
    head, tail = reverse(viewname, kwargs={kwarg: _MARKER}).split(str(_MARKER))
    return lambda pk: f"{head}{int(pk)}{tail}"
