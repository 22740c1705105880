"""Garbage collector settings for the web processes (config/wsgi.py; bench/pages.py does the same).

A page about a 200-person cohort creates hundreds of thousands of objects. With CPython's default
thresholds (700, 10, 10) that set off a full collection every few such requests, and each full collection
walked every object of the loaded application too (Django, the URL patterns, the templates): 30–90 ms,
the p95 tail of every page in docs/benchmarks.md. So, once the application is loaded:

- ``gc.freeze()`` moves what exists at start-up out of the collector's way (it lives as long as the
  process anyway; under ``gunicorn --preload`` it also stays shared between the workers);
- the first threshold goes from 700 to 7,000 allocations: young collections become ten times rarer and full
  ones rare. Reference counting still frees everything that is not part of a cycle at once, so memory
  stays as it was; only cycles wait a little longer.
"""

import gc

YOUNG_THRESHOLD = 7000


def tune_garbage_collector() -> None:
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
