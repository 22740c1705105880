"""Background tasks with retries, and the one list of daily jobs.

Tasks run on Django's task framework (the ``django-tasks`` backport): by default the database backend and
``manage.py db_worker``, on Redis with the RQ backend where an installation runs several hosts. A task made
with :func:`background` is tried again with growing pauses when it raises (``TASK_MAX_ATTEMPTS`` times in
all); each failed attempt stays in the task table with its traceback, and the last one is listed to the
administrator under "Failed background tasks". Tasks must be idempotent: a worker killed in the middle of
one runs it again from the start when it comes back.
"""

import datetime
import functools
import logging
from collections.abc import Callable

from django.utils import timezone
from django_tasks import task

from . import conf

logger = logging.getLogger(__name__)


class RetryScheduled(Exception):
    """This attempt failed and another one is queued; the original error is its cause."""


def retry_delay(attempt: int) -> datetime.timedelta:
    """Pause before the attempt after ``attempt``: the base, doubled with every further attempt."""
    return datetime.timedelta(seconds=conf.task_retry_base_seconds() * 2 ** (attempt - 1))


def background(func: Callable | None = None, *, priority: int = 0, queue_name: str = "default"):
    """``@background``: a task of the framework that is retried with backoff. Call ``.enqueue(...)`` with
    JSON-serialisable arguments only (ids, not objects)."""

    def decorate(function: Callable):
        @functools.wraps(function)
        def run(*args, _attempt: int = 1, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as error:
                backend = the_task.get_backend()
                if _attempt >= conf.task_max_attempts() or not backend.supports_defer:
                    raise
                when = timezone.now() + retry_delay(_attempt)
                the_task.using(run_after=when).enqueue(*args, _attempt=_attempt + 1, **kwargs)
                logger.warning("%s failed (attempt %d), tried again at %s", the_task.name, _attempt, when)
                raise RetryScheduled(f"attempt {_attempt} failed; attempt {_attempt + 1} queued for {when}") from error

        the_task = task(priority=priority, queue_name=queue_name)(run)
        return the_task

    return decorate(func) if func is not None else decorate


# name -> task: the jobs `manage.py enqueue_daily` queues once a day (the one crontab line).
DAILY: dict[str, object] = {}


def daily(name: str):
    """Register a task (taking no arguments but ``today``, an ISO date) as a daily job. Each must be
    idempotent: running it twice on a day changes nothing the second time."""

    def register(the_task):
        DAILY[name] = the_task
        return the_task

    return register


def enqueue_daily(*, today: datetime.date | None = None) -> list[str]:
    today = today or timezone.localdate()
    for the_task in DAILY.values():
        the_task.enqueue(today=today.isoformat())
    return sorted(DAILY)
