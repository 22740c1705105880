"""django-tasks-db's worker, which first takes back the tasks this worker was running when it was killed.

The stock worker marks a task RUNNING when it claims it and leaves it so if the process dies (kill -9, a
power cut): nobody would ever run it again. This worker has a stable id (the host name unless
``--worker-id`` says otherwise; give each of several workers on one host its own) and, on start, puts the
tasks still RUNNING under its own id back in the queue. Tasks are idempotent, so running one again from the
start is safe. It stays ``manage.py db_worker`` because notifications comes before django_tasks_db in
INSTALLED_APPS.
"""

import socket

from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

from notifications.worker import requeue_interrupted


class Command(WorkerCommand):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=socket.gethostname()[:64] or "worker")

    def handle(self, *args, **options):
        taken_back = requeue_interrupted(worker_id=options["worker_id"], backend_name=options["backend_name"])
        if taken_back and options["verbosity"]:
            self.stdout.write(f"{taken_back} interrupted task(s) put back in the queue.")
        return super().handle(*args, **options)
