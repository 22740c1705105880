"""What the database worker does besides running tasks."""

from django.db import transaction
from django_tasks_db.models import DBTaskResult


@transaction.atomic
def requeue_interrupted(*, worker_id: str, backend_name: str = "default") -> int:
    """Put the tasks that the worker with this id was running when it stopped back in the queue."""
    running = DBTaskResult.objects.select_for_update().filter(status="RUNNING", backend_name=backend_name)
    mine = [row.pk for row in running if row.worker_ids and row.worker_ids[-1] == worker_id]
    return DBTaskResult.objects.filter(pk__in=mine).update(status="READY", started_at=None)
