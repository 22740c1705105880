"""What every app's ``conf.py`` is made of: ``Setting("NAME", default)``, one setting read from Django
settings at each call, so a test's ``settings`` fixture or ``override_settings`` applies at once."""

from collections.abc import Callable
from typing import Any

from django.conf import settings


class Setting:
    """``conf.name()`` gives ``convert(settings.NAME)``, or ``convert(default)`` where the project sets none."""

    def __init__(self, name: str, default: Any, convert: Callable[[Any], Any] = int):
        self.name = name
        self.default = default
        self.convert = convert

    def __call__(self):
        return self.convert(getattr(settings, self.name, self.default))

    def __repr__(self) -> str:
        return f"Setting({self.name!r})"
