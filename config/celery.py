"""The Celery application for the long jobs: ingest, extraction, embedding and clustering.

With CELERY_BROKER_URL set (say redis://127.0.0.1:6379/0), `manage.py ingest --async`
queues its work and `celery -A config worker` processes run it, any number of them on
any number of machines against the same database. Without a broker every task runs
in-process, eagerly, when it is queued, through the same code: nothing extra to start.
The tasks live in quotes/tasks.py.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("verbatim")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["quotes"])
