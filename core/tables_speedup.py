"""django-tables2 works out, for every cell it renders, which arguments the render method takes
(``inspect.signature``, ~40 µs): a fifth of the time of a 200-row table. The answer depends only on the
function, so it is remembered per function. Installed once by CoreConfig.ready()."""

from types import FunctionType, MethodType


def remember_cell_signatures() -> None:
    from django_tables2 import utils

    if getattr(utils.signature, "remembered", False):
        return
    original = utils.signature
    remembered: dict = {}

    def signature(fn):
        # Only plain functions and methods: their signature cannot change. Keyed by the function itself,
        # so a table's bound render methods (a new object per cell) share one entry.
        if not isinstance(fn, (FunctionType, MethodType)):
            return original(fn)
        key = (getattr(fn, "__func__", fn), isinstance(fn, MethodType))
        try:
            return remembered[key]
        except KeyError:
            result = remembered[key] = original(fn)
            return result

    signature.remembered = True
    utils.signature = signature
