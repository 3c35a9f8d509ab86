"""What a load balancer, a monitor and the browser's CSP reports ask of the service.

- `/healthz`: 200 "ok" while the process answers; touches nothing else, so a slow
  database never makes a balancer kill healthy workers.
- `/readyz`: 200 "ready" when the database answers `SELECT 1`, else 503 "database
  unavailable" (the host, port and error go to the log, not to the client).
- `/csp-report/`: browsers POST Content-Security-Policy violation reports here; each
  is logged as one warning line (at most 2 KB of it) and answered 204.

No session, no CSRF token, no template: these answer even when the rest cannot.
"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from config.database import describe

logger = logging.getLogger("verbatim.csp")
REPORT_MAX = 2048


@require_GET
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain")


@require_GET
def readyz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logging.getLogger(__name__).error("not ready: %s", describe(error))
        return HttpResponse("database unavailable\n", content_type="text/plain", status=503)
    return HttpResponse("ready\n", content_type="text/plain")


@csrf_exempt
@require_POST
def csp_report(request):
    report = request.body[:REPORT_MAX].decode("utf-8", errors="replace")
    logger.warning("Content-Security-Policy violation: %s", " ".join(report.split()))
    return HttpResponse(status=204)
