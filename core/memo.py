"""Reads remembered for the length of one request.

The cohort page's sections (placements, certificates panel, attendance) each ask for the same cohort-wide
summaries; computing them once per request halves the page's work on large cohorts. Outside a request
(services, commands, tests calling selectors directly) nothing is remembered, so a read after a write
always sees the write.
"""

from contextvars import ContextVar

_reads: ContextVar[dict | None] = ContextVar("remembered_reads", default=None)


def remembered_on(instance, key: str, compute):
    cache = _reads.get()
    if cache is None:
        return compute()
    full_key = (type(instance).__name__, instance.pk, key)
    if full_key not in cache:
        cache[full_key] = compute()
    return cache[full_key]


class RequestReadsMiddleware:
    """Gives each request its own empty store of remembered reads."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reads.set({})
        try:
            response = self.get_response(request)
            # Template responses render after the view returns; render here, while the store still exists.
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.render()
            return response
        finally:
            _reads.reset(token)
