"""A failing task is tried again with growing pauses, and after the last attempt it is listed for the
administrator."""

import datetime

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from notifications.jobs import retry_delay
from notifications.models import FailedTask
from tests.factories import UserFactory
from tests.notifications import worker_tasks

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker():
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    ).run()


def test_the_pause_doubles_with_each_attempt(settings):
    settings.TASK_RETRY_BASE_SECONDS = 60
    assert [retry_delay(n) for n in (1, 2, 3)] == [datetime.timedelta(seconds=s) for s in (60, 120, 240)]


@pytest.mark.django_db(transaction=True)
def test_a_task_that_fails_twice_succeeds_on_the_third_attempt(settings):
    settings.TASKS = DATABASE_TASKS
    settings.TASK_RETRY_BASE_SECONDS = 0  # the retries are due at once, so one batch runs them all
    worker_tasks.CALLS.clear()
    worker_tasks.fails_twice.enqueue(7)
    run_worker()
    rows = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [row.status for row in rows] == ["FAILED", "FAILED", "SUCCESSFUL"]
    assert rows[0].exception_class_path == "notifications.jobs.RetryScheduled"
    assert "failure number 1" in rows[0].traceback
    assert rows[2].args_kwargs["kwargs"] == {"_attempt": 3}
    assert not FailedTask.objects.filter(status="FAILED").exclude(exception_class_path__contains="Retry").exists()


@pytest.mark.django_db(transaction=True)
def test_a_task_failing_every_attempt_is_shown_to_the_administrator(settings):
    settings.TASKS = DATABASE_TASKS
    settings.TASK_RETRY_BASE_SECONDS = 0
    settings.TASK_MAX_ATTEMPTS = 3
    worker_tasks.always_fails.enqueue()
    run_worker()
    assert DBTaskResult.objects.filter(status="FAILED").count() == 3
    admin = site._registry[FailedTask]
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    failed = list(admin.get_queryset(request))
    assert len(failed) == 1
    assert failed[0].exception_class_path == "builtins.RuntimeError"


@pytest.mark.django_db(transaction=True)
def test_a_later_retry_waits_for_its_time(settings):
    settings.TASKS = DATABASE_TASKS
    settings.TASK_RETRY_BASE_SECONDS = 3600
    worker_tasks.always_fails.enqueue()
    run_worker()
    waiting = DBTaskResult.objects.get(status="READY")
    assert waiting.run_after > datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=59)
