"""HTML written in Python, for the few places where a template loop was most of a page's time (the timings are
in docs/benchmarks.md). Every piece has a test that compares its output with its template twin
(tests/core/test_html_*.py).

One escaping rule for all of them: ``escape`` is Django's ``conditional_escape`` (safe strings stay as they are,
everything else is ``html.escape``d) returning a plain ``str``, without the lazy-text wrapper that costs
microseconds per call; ``fill`` is ``format_html`` built on it. Markup goes into the templates of these modules,
values only through ``fill`` or ``escape``.
"""

import html as _html

from django.utils.safestring import SafeString


def escape(value) -> str:
    """``conditional_escape(value)`` as a plain ``str``."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return _html.escape(str(value))


def fill(template: str, **values) -> SafeString:
    """``format_html(template, **values)``: every value escaped (safe ones kept), the template trusted."""
    return SafeString(template.format(**{name: escape(value) for name, value in values.items()}))


def join(parts) -> SafeString:
    """Pieces of safe HTML (``fill``'s results) as one."""
    return SafeString("".join(parts))
