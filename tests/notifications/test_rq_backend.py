"""The RQ backend on Redis is only configuration: the same task runs through an RQ worker (burst mode).
Skipped when no Redis answers at 127.0.0.1:6379 (CI starts one)."""

import pytest

pytestmark = pytest.mark.redis

redis = pytest.importorskip("redis")
django_rq = pytest.importorskip("django_rq")


def burst_worker(queue, job_class):
    """A SimpleWorker without the command channel (stop/kill messages a burst run never gets). rq 3.0 waits
    on that channel's thread with a 60-second read; when the unsubscribe reply races with the thread's own
    read, stopping the worker waits the whole minute (rq/rq#1613, rq/rq#2172)."""
    from rq import SimpleWorker

    class BurstWorker(SimpleWorker):
        def subscribe(self):
            pass

        def unsubscribe(self):
            pass

    return BurstWorker([queue], connection=queue.connection, job_class=job_class)


@pytest.fixture
def rq_backend(settings):
    connection = redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server at 127.0.0.1:6379")
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:6379/15"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    connection.flushdb()
    yield connection
    connection.flushdb()


@pytest.mark.django_db(transaction=True)
def test_a_notification_email_goes_through_an_rq_worker(rq_backend, mailoutbox):
    from django_tasks_rq.backend import Job

    from notifications.services import notify
    from tests.factories import UserFactory

    user = UserFactory(email="lan@example.org", preferred_language="en")
    notification = notify(kind="hours_confirmed", recipient=user, params={"date": "2026-03-02", "given_name": "Lan"})
    # notify() queued the e-mail after the commit (autocommit here): it waits in Redis until a worker runs.
    assert mailoutbox == []
    queue = django_rq.get_queue("default", job_class=Job)
    assert queue.count == 1
    burst_worker(queue, Job).work(burst=True)
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert mailoutbox[0].to == ["lan@example.org"]
