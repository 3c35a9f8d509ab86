"""WSGI entry point: any number of stateless workers can serve it."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["VERBATIM_SERVING"] = "1"  # settings then require SECRET_KEY and ALLOWED_HOSTS

application = get_wsgi_application()
