"""How many of a burst of simultaneous requests from one client each request limiter lets through.

In: a Redis at CACHE_URL (default redis://127.0.0.1:6379/13; keys under a fresh prefix).
Out: per limiter and trial, how many of --requests requests, made at once from --threads
threads (as gunicorn workers would, each with its own connection), were allowed at a
rate of --rate an hour. web.throttling.AnonymousRateThrottle counts with the cache's
atomic incr; Django REST framework's AnonRateThrottle reads its list of request times,
appends, and writes it back, so simultaneous requests overwrite each other's entry.

Run: python -m benchmarks.throttling [--requests 40] [--threads 20] [--rate 10] [--trials 3]
"""

import argparse
import concurrent.futures
import os
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--threads", type=int, default=20)
    parser.add_argument("--rate", type=int, default=10)
    parser.add_argument("--trials", type=int, default=3)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/13")
    os.environ["CACHE_KEY_PREFIX"] = f"bench-throttling-{time.time_ns()}"
    os.environ["THROTTLE_API_RATE"] = f"{options.rate}/hour"
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from rest_framework.throttling import AnonRateThrottle

    from web.throttling import AnonymousRateThrottle

    AnonRateThrottle.THROTTLE_RATES = {"anon": f"{options.rate}/hour"}
    factory = RequestFactory()

    def allowed(limiter, address):
        request = factory.get("/api/", REMOTE_ADDR=address)
        request.user = AnonymousUser()
        return limiter().allow_request(request, None)

    for limiter in (AnonRateThrottle, AnonymousRateThrottle):
        for trial in range(options.trials):
            address = f"192.0.2.{trial + 1}"
            with concurrent.futures.ThreadPoolExecutor(max_workers=options.threads) as pool:
                asked = [pool.submit(allowed, limiter, address) for _ in range(options.requests)]
                passed = sum(future.result() for future in asked)
            print(
                f"{limiter.__module__}.{limiter.__name__}: trial {trial + 1}: {passed} of "
                f"{options.requests} simultaneous requests allowed at {options.rate}/hour"
            )


if __name__ == "__main__":
    main()
