"""Benchmarks of the Verbatim pipeline (run through `manage.py bench_pipeline`)."""
