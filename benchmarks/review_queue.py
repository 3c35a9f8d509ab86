"""How soon the review queue shows the wrong speakers: the share of wrong speakers caught
after an editor reviews the first 5, 10, 20 and 50% of the queue (manage.py
bench_review_queue), and the weights of quotes.text.doubt fitted again (--fit).

In: a database ingested and clustered from an evaluation folder (its quotes scored, as
cluster_quotes leaves them), the folder's gold.jsonl and speakers.json, and the scoring
script ../shared/eval/score_quotes.py, whose rules say which quote holds which gold item
(`match`) and whether a speaker is right (`name_matches`).
Out: lines of figures.

Ingesting and clustering the development set took 16 to 20 minutes on two cores at load
8 to 14, and the command only rescores (quotes.services.review.score_articles) before it
measures, so a study of the reasons keeps one ingested and clustered SQLite file and runs
the command on a fresh copy of it each time (DATABASE_URL=sqlite:////tmp/…/copy.sqlite3):
about 80 s a run. Changes to extraction or speakers need a new ingest.

A queued quote is labelled wrong when it holds a gold item that names a speaker and does
not name that speaker (no speaker counts as wrong); quotes that hold no such item are
neither, but they are in the queue and take an editor's time like any other. The curve
orders the queue by the score of its reasons under the weights given. --fit fits a
logistic regression with non-negative weights (L2 penalty 1, Newton steps; a weight that
comes out negative is held at 0 and the rest fitted again) on the quotes of the articles
with even ids and measures the curve on the odd ones, and the other way round, then on
HALVINGS random halves of the articles (fixed seeds) each way, whose mean and spread it
prints: one halving's figure at 10% moves by about 0.035 from the next, so a change of a
reason that moves the even and odd figures by less tells nothing; then it fits on all:
those are the weights to put in quotes.text.doubt.Weights.
"""

import collections
import importlib.util
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from quotes.models import Quote
from quotes.text.doubt import REASONS, Weights, score

POINTS = (0.05, 0.10, 0.20, 0.50)
HALVINGS = 6  # random halvings of the articles, each fitted and measured both ways
L2 = 1.0
NEWTON_STEPS = 40


@dataclass(frozen=True)
class Row:
    quote: int
    article: int
    reasons: tuple[str, ...]
    wrong: bool


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def labelled_rows(gold_path: Path, speakers_path: Path, scorer_path: Path) -> list[Row]:
    """Every queued quote with its reasons, labelled wrong as the module docstring says."""
    scorer = load_scorer(scorer_path)
    aliases = json.loads(speakers_path.read_text(encoding="utf-8"))
    quotes = list(
        Quote.objects.queued()
        .order_by("id")
        .values_list("id", "article_id", "article__source", "text", "speaker__name", "doubt_reasons")
    )
    by_file = collections.defaultdict(list)
    for pk, _, source, text, speaker, _ in quotes:
        by_file[Path(source).name].append({"id": pk, "text": text, "speaker": speaker})
    wrong = set()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line) if line.strip() else {}
        if item.get("kind") == "noise" or not item.get("speaker"):
            continue
        for row in scorer.match(scorer.words(item["text"]), by_file[item["article"]]):
            if not scorer.name_matches(row["speaker"], item["speaker"], aliases):
                wrong.add(row["id"])
    return [Row(pk, article, tuple(codes.split()), pk in wrong) for pk, article, _, _, _, codes in quotes]


def curve(rows: list[Row], weights: Weights) -> dict[float, float]:
    """The share of wrong rows among the first share of rows, ordered by score."""
    order = sorted(rows, key=lambda row: (-score(row.reasons, weights), row.quote))
    total = sum(row.wrong for row in rows)
    caught = np.cumsum([row.wrong for row in order])
    return {point: caught[max(0, int(len(order) * point) - 1)] / total if total else 0.0 for point in POINTS}


def fit(rows: list[Row], floor: float = Weights().floor) -> Weights:
    """Non-negative logistic weights of the reasons (see the module docstring)."""
    codes = list(REASONS)
    x = np.array([[1.0] + [float(code in row.reasons) for code in codes] for row in rows])
    y = np.array([float(row.wrong) for row in rows])
    active = np.ones(x.shape[1], dtype=bool)
    w = np.zeros(x.shape[1])
    for _ in range(len(codes) + 1):
        w = np.zeros(x.shape[1])
        part = x[:, active]
        penalty = L2 * np.r_[0.0, np.ones(active.sum() - 1)]
        v = np.zeros(active.sum())
        for _ in range(NEWTON_STEPS):
            p = 1.0 / (1.0 + np.exp(-part @ v))
            gradient = part.T @ (p - y) + penalty * v
            hessian = (part.T * (p * (1 - p))) @ part + np.diag(penalty)
            v -= np.linalg.solve(hessian, gradient)
        w[active] = v
        negative = w < 0
        negative[0] = False
        if not negative.any():
            break
        active &= ~negative
    return Weights(
        bias=round(float(w[0]), 2),
        floor=floor,
        weights={code: round(float(value), 2) for code, value in zip(codes, w[1:])},
    )


def halvings(rows: list[Row], times: int = HALVINGS):
    """(train, test) pairs: the rows of a random half of the articles and of the other
    half, both ways round, for each of times seeded shuffles."""
    articles = sorted({row.article for row in rows})
    for seed in range(times):
        half = set(np.random.default_rng(seed).permutation(articles)[: len(articles) // 2].tolist())
        first = [row for row in rows if row.article in half]
        second = [row for row in rows if row.article not in half]
        yield first, second
        yield second, first


def report(rows: list[Row], weights: Weights, refit: bool):
    """Lines of figures: the queue, the curve under weights, and with refit the fitted ones."""
    wrong = sum(row.wrong for row in rows)
    flagged = sum(bool(row.reasons) for row in rows)
    yield f"queued quotes: {len(rows)}, with a reason: {flagged}, wrong speakers: {wrong}"
    yield "curve (share of wrong speakers caught after reviewing the first share of the queue):"
    yield "  " + line(curve(rows, weights))
    yield "by reason (quotes, wrong among them):"
    for code in REASONS:
        having = [row for row in rows if code in row.reasons]
        caught = sum(row.wrong for row in having)
        yield f"  {code:20s} {len(having):6d} {caught:5d} ({caught / len(having) if having else 0:.3f})"
    if refit:
        even = [row for row in rows if row.article % 2 == 0]
        odd = [row for row in rows if row.article % 2 == 1]
        yield "fitted on even articles, measured on odd: " + line(curve(odd, fit(even)))
        yield "fitted on odd articles, measured on even: " + line(curve(even, fit(odd)))
        held = [curve(test, fit(train)) for train, test in halvings(rows)]
        yield f"fitted on half, measured on the other, {len(held)} times: mean " + line(
            {point: float(np.mean([c[point] for c in held])) for point in POINTS}
        )
        yield "  standard deviation " + line(
            {point: float(np.std([c[point] for c in held])) for point in POINTS}
        )
        fitted = fit(rows)
        yield "fitted on all, measured on all: " + line(curve(rows, fitted))
        yield f"fitted weights: bias {fitted.bias}, " + ", ".join(
            f"{code} {value}" for code, value in fitted.weights.items()
        )


def line(points: dict[float, float]) -> str:
    return "  ".join(f"{math.floor(point * 100):.0f}%: {share:.3f}" for point, share in points.items())
