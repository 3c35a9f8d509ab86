"""Writes Quote rows for articles (being written by the extraction work)."""


def extract_pending(force=False, articles=None):
    return 0
