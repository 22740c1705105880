"""Garbage collector settings for the web processes (config/wsgi.py; bench/pages.py does the same).

A page about a 200-person cohort creates hundreds of thousands of objects. With CPython's default
thresholds (700, 10, 10) that set off a full collection every few such requests, and each full collection
walked every object of the loaded application too (Django, the URL patterns, the templates): the p95 tail
of every page in docs/benchmarks.md. So, once the application is loaded:

- ``gc.freeze()`` moves what exists at start-up out of the collector's way (it lives as long as the
  process anyway; under ``gunicorn --preload`` it also stays shared between the workers);
- the first threshold goes from 700 to 7,000 allocations: young collections become ten times rarer and full
  ones rare. Reference counting still frees everything that is not part of a cycle at once, so memory
  stays as it was; only cycles wait a little longer.

That still left a collection inside about every second request of a 200-person page, and a middle-generation
one inside one request in 15–30: the p95 tail of those
pages (docs/benchmarks.md, issue 26). So the web process also collects *after* each response has been sent
(``collect_after_response``, on Django's ``request_finished``, which the WSGI server sends when it closes the
response): the young generations then hold only what one request left behind (under a millisecond to walk),
the next request starts with empty counters and rarely reaches 7,000 allocations, and every tenth time the
whole heap is collected there too, outside any request's time.
"""

import gc

from django.core.signals import request_finished

YOUNG_THRESHOLD = 7000


AFTER_RESPONSE = "collect_after_response"  # dispatch_uid of the request_finished receiver


def tune_garbage_collector() -> None:
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
    request_finished.connect(collect_after_response, dispatch_uid=AFTER_RESPONSE)


def collect_after_response(**_signal_kwargs) -> None:
    """Receiver of ``request_finished`` in the web processes (config/wsgi.py): collect the young generations,
    or everything when the collector would soon do so on its own, while no request is waiting."""
    _young, _middle, old = gc.get_threshold()
    gc.collect(2 if gc.get_count()[2] >= old else 1)
