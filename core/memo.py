"""Reads remembered on one object, where the caller asks for it.

The cohort page's sections (roster, placements, certificates panel) each ask for the same cohort-wide
summaries; computing them once halves the page's work on large cohorts. A selector that may be asked twice
wraps its work in ``remembered_on(obj, key, compute)``, which computes afresh every time unless the caller
has switched remembering on for that very object, explicitly:

- ``remember_reads(obj, request)`` in a view that only shows (GET, HEAD): the answers are kept on the object
  (as Django keeps ``user._perm_cache``) for as long as it lives, one request. A POST that reads, writes and
  shows the page again sees its own write; another object of the same row asks the database again.
- ``with reads_remembered(obj):`` around a few reads of one computation (the eligibility engine asks for a
  cohort's people itself and through the attendance progress): kept until the block ends.

So a selector answers the same inside and outside a request, and code that writes (services, commands,
tasks) always reads what is there now.
"""

from contextlib import contextmanager

_STORE = "_remembered_reads"
SAFE_METHODS = frozenset({"GET", "HEAD"})


def remembered_on(instance, key: str, compute):
    """``compute()``, or its first answer for ``instance`` where remembering is switched on."""
    store = instance.__dict__.get(_STORE)
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


def remember_reads(instance, request):
    """Keep the remembered reads about ``instance`` for its lifetime when ``request`` only reads; returns
    ``instance``."""
    if request.method in SAFE_METHODS:
        instance.__dict__.setdefault(_STORE, {})
    return instance


@contextmanager
def reads_remembered(instance):
    """Remember the reads about ``instance`` within the block (and keep what the caller remembers already)."""
    if _STORE in instance.__dict__:
        yield instance
        return
    instance.__dict__[_STORE] = {}
    try:
        yield instance
    finally:
        instance.__dict__.pop(_STORE, None)
