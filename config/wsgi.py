import os

from django.core.wsgi import get_wsgi_application

from config.memory import tune_garbage_collector

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse unsafe production settings here, before the first request.
from config.checks import refuse_unsafe_start  # noqa: E402  (needs the loaded apps)

refuse_unsafe_start()
tune_garbage_collector()  # after loading the application: see config/memory.py
