"""The URL-by-role matrix. Each app has a module here with ``ENTRIES`` (URL name -> Access) and, if its
URLs need objects of its own, ``extend_world(world)``. tests/test_url_access.py walks every URL the app
defines and fails on any URL without an entry, so each new view must state who may open it."""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = (
    "anonymous",
    "staff",
    "other_staff",
    "supervisor",
    "other_supervisor",
    "participant",
    "other_participant",
    "partner",
)
EVERYONE = frozenset(ROLES)
LOGGED_IN = frozenset(ROLES) - {"anonymous"}


@dataclass(frozen=True)
class Access:
    """Who may GET the URL (status 200); everyone else is refused (login redirect, 403 or 404)."""

    allowed: frozenset
    kwargs: Callable = field(default=lambda world: {})
    # For URLs that answer a GET with something else than 200 when allowed (e.g. a redirect).
    allowed_status: int = 200
    query: str = ""


def allow(*roles, kwargs=None, allowed_status=200, query=""):
    return Access(frozenset(roles), kwargs or (lambda world: {}), allowed_status, query)


def load_modules():
    modules = []
    for info in pkgutil.iter_modules(__path__):
        modules.append(importlib.import_module(f"{__name__}.{info.name}"))
    return modules
