"""Extraction and attribution speed on a folder of real articles, stage by stage,
without the database and with it (manage.py bench_extraction FOLDER).

Without the database: the folder's files are read and cleaned as ingest does
(sources.text), then the bodies go through quotes.text.reading in chunks of the
size extract_pending uses, timed per stage: selecting the sentences worth
parsing, the spaCy parse, and quotations + attribution + reported speech; then,
for each --processes count of 2 or more, the same bodies read by that many worker
processes (quotes.text.read_ahead, as extraction runs them), in wall-clock time.
With the database: the folder is ingested (not timed) and extract_pending runs
over its articles with force, as `manage.py extract --all` would. Each path is
given in wall-clock and in this process's CPU seconds (the CPU figure holds on a
machine shared with other work; the wall figure does not).

Development set (837 articles, SQLite, 2 shared cores), articles per CPU second
without / with the database: main at b313c6f 18.1 / 13.9; with the attribute
rules, the speaker index and SQLite's write-ahead log 23.1 / 19.2 (load 2-7).
Side by side at load 5-6 without the database, twice each: main at a3ed281
19.9, 20.0 (42.1, 41.8 CPU s; read stage 10.7, 10.0 s) and with one Article per
body for the quotations and the reported speech 21.3, 21.6 (39.3, 38.8 CPU s;
read 6.7, 6.6 s); with the database, 15.9 -> 16.4 at load 8 and 17.5 -> 18.9
(47.7 -> 44.2 CPU s) at load 3-4. The parse is now 83% of the time without
the database.

Worker processes (quotes.text.read_ahead), all 837 articles into SQLite, the two ways
run in turn twice on a quiet machine (load 1.6): this process parsing 18.7, 19.1
articles/s; 2 worker processes parsing 32.7, 32.5 articles/s (1.71x), at 16.8 and 16.6
articles per CPU second: each worker loads the pipeline (about 3 s) and the results
cross a pipe.
"""

import resource
import time
from dataclasses import dataclass, field

from quotes.text import parse
from quotes.text.quotations import mark_view, paragraph_spans
from quotes.text.read_ahead import read_ahead
from quotes.text.reading import read_parsed
from sources.text.formats import Failure, find_files, read_file
from sources.text.records import EmptyArticle, build_record

MAX_BYTES = 5_000_000


@dataclass
class Figures:
    articles: int = 0
    tokens: int = 0
    seconds: dict = field(default_factory=dict)
    cpu_seconds: float = 0.0
    # (worker processes, wall seconds, CPU seconds with the workers') of each run without the
    # database with workers parsing, and of each run with the database
    worker_runs: list = field(default_factory=list)
    database_runs: list = field(default_factory=list)

    def lines(self):
        total = sum(self.seconds.values())
        yield f"articles: {self.articles}, tokens parsed: {self.tokens}"
        for stage, seconds in self.seconds.items():
            share = seconds / total if total else 0.0
            yield f"  {stage}: {seconds:.2f} s ({share:.0%})"
        if self.seconds.get("parse"):
            yield f"  parse speed: {self.tokens / self.seconds['parse']:.0f} tokens/s"
        yield (
            f"without the database: {rate(self.articles, total)} articles/s, "
            f"{rate(self.articles, self.cpu_seconds)} per CPU second ({self.cpu_seconds:.2f} CPU s)"
        )
        for where, runs in (("without", self.worker_runs), ("with", self.database_runs)):
            for processes, seconds, cpu_seconds in runs:
                parsing = (
                    "this process parsing" if processes <= 1 else f"{processes} worker processes parsing"
                )
                yield (
                    f"{where} the database, {parsing}: {rate(self.articles, seconds)} articles/s, "
                    f"{rate(self.articles, cpu_seconds)} per CPU second ({cpu_seconds:.2f} CPU s)"
                )


def rate(count, seconds):
    return f"{count / seconds:.1f}" if seconds else "-"


def records_of(folder, limit=None):
    """The folder's stories as ingest would store them (sources.text records)."""
    records = []
    for path in find_files([folder]):
        if isinstance(path, Failure):
            continue
        for received in read_file(path, MAX_BYTES):
            if isinstance(received, Failure):
                continue
            try:
                record, _ = build_record(received)
            except EmptyArticle:
                continue
            records.append(record)
            if limit is not None and len(records) >= limit:
                return records
    return records


def time_reading(bodies, batch=32, reported=True):
    """Figures for reading bodies without the database, per stage."""
    figures = Figures(articles=len(bodies), seconds={"select": 0.0, "parse": 0.0, "read": 0.0})
    parse.pipeline()  # loading the model is not extraction
    cpu_started = time.process_time()
    for lo in range(0, len(bodies), batch):
        chunk = bodies[lo : lo + batch]
        started = time.perf_counter()
        items = [(view, paragraph_spans(view)) for view in (mark_view(body) for body in chunk)]
        for view, paragraphs in items:
            _ = [parse.worth_parsing(parse.parse_view(view), a, b) for a, b in paragraphs]
        selected_at = time.perf_counter()
        parsed = parse.parse_articles(items)
        parsed_at = time.perf_counter()
        for body, article in zip(chunk, parsed):
            read_parsed(body, article, reported)
        read_at = time.perf_counter()
        figures.seconds["select"] += selected_at - started
        # parse_articles selects again before it parses: that share is the select stage's
        figures.seconds["parse"] += max(0.0, parsed_at - selected_at - (selected_at - started))
        figures.seconds["read"] += read_at - parsed_at
        figures.tokens += sum(len(doc) for article in parsed for doc in article.docs.values())
    figures.cpu_seconds = time.process_time() - cpu_started
    return figures


def time_reading_ahead(bodies, processes, batch=32, reported=True):
    """(processes, wall seconds, CPU seconds) of reading bodies without the database in
    worker processes (quotes.text.read_ahead), in the batches extract_pending reads;
    the workers' start-up (each loads the pipeline) counts, as it does in extraction."""
    batches = ((lo, bodies[lo : lo + batch]) for lo in range(0, len(bodies), batch))
    started, cpu_started = time.perf_counter(), cpu_seconds()
    for _, read in read_ahead(batches, processes, reported):
        if isinstance(read, Exception):
            raise read
    return processes, time.perf_counter() - started, cpu_seconds() - cpu_started


def cpu_seconds():
    """CPU seconds of this process and of its children that have ended (the workers)."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )
