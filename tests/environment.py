"""The environment the suite runs in, set before Django reads its settings (pytest.ini loads
this module with `-p`): production mode (DEBUG off, so the tests see what production serves)
over local HTTP, without request limits, with a test-only key and the hosts the test client and live servers use.
Values already in the environment win."""

import os

for name, value in {
    "SECRET_KEY": "test-only-key-" + "x" * 50,
    "ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
    "SECURE_HSTS_SECONDS": "0",
    # No request limit: one test client makes many requests from one address; the tests of
    # the limit (tests/web/test_throttling.py) set their own rates.
    "THROTTLE_API_RATE": "off",
    "THROTTLE_SEARCH_RATE": "off",
}.items():
    os.environ.setdefault(name, value)
