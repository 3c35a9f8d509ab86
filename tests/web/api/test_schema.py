"""The API answers as its own OpenAPI schema says, for whatever a client may send (schemathesis)."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import checks

from config.wsgi import application

# Enough to reach every filter of each operation with odd values; kept low so the suite
# stays fast (each example is one request).
EXAMPLES_PER_OPERATION = 25

# Every check but two, whose premises the filters do not meet on purpose, as on the search
# page: an empty filter is no filter (a form sends its empty fields), so `?published_to=` is
# 200 though "" is no date; and some refusals are beyond what a schema states (an outlet slug
# must name an outlet, "from" must not be after "to"), so schema-valid values can get 400.
NOT_CHECKED = [checks.negative_data_rejection, checks.positive_data_acceptance]

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture(autouse=True)
def connection_kept_open():
    """What Django's test client does around a request: the WSGI handler's end of request would
    close the test's connection, and PostgreSQL's pool would then open one outside the test's
    transaction ("Cannot open a new connection in an atomic block")."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_as_its_schema_says(case, story):
    case.call_and_validate(excluded_checks=NOT_CHECKED)
