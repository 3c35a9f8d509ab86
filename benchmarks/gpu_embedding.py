"""Embedding on a GPU: the app's "cuda" backend against plain float16 sentence-transformers.

    python -m benchmarks.gpu_embedding [--quotes N] [--model PATH] [--save-sample FILE]

Both sides embed the same texts of the synthetic corpus (benchmarks.corpus, seeded, N
quotes) on the same GPU with the same weights in float16, normalised:
  - raw: SentenceTransformer(PATH).half().encode(texts), at its default batch size and
    again at the app's GPU_BATCH_SIZE, so that a larger batch alone is not what wins;
  - app: quotes.text.embedding.encode on the "cuda" backend (identical texts once,
    Rust tokenizer over the whole batch, length-sorted batches capped by padded word
    pieces, SDPA attention, pooling on the GPU, one copy back).
First over all N quotes as cluster_quotes hands them over (news repeats wordings, and
the app encodes each once), then over the first SUBSET distinct texts, where both do
the same work, so that ratio is the model path's alone.
Each is timed after a warm-up, with torch.cuda.synchronize() before the clock stops.
--save-sample writes the app's vectors of the first SAMPLE distinct texts (.npy) and
the texts (.txt beside it), so their cosine to the float32 reference can be measured
on the machine that has the full-precision weights.

Measured on one NVIDIA H200 (torch 2.11, sentence-transformers 6.0.1, transformers 5.17),
--quotes 1000000 (773,363 distinct texts):
  all 1,000,000 quotes: raw at batch 32 235.1 s (4,253/s), app 20.4 s (49,116/s): 11.55x;
  200,000 distinct texts: raw at batch 32 4,303/s, raw at batch 1024 13,243/s, app
  40,872/s: 9.50x and 3.09x.
The app's float16 vectors of the first 2,000 distinct texts against the float32 "torch"
backend on the CPU with the full-precision weights: cosine mean 0.999999, min 0.999998.
"""

import argparse
import time
from pathlib import Path

import numpy as np

from quotes.text import embedding as embed

from .corpus import build, vocabulary

SAMPLE = 2000
SUBSET = 200_000


def timed(label, work, count):
    import torch

    wait = torch.cuda.synchronize if torch.cuda.is_available() else (lambda: None)
    wait()
    started = time.perf_counter()
    result = work()
    wait()
    seconds = time.perf_counter() - started
    print(f"{label:58s} {seconds:8.1f} s {count / seconds:10.0f} texts/s", flush=True)
    return result, seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--model", default=None, help="model folder (default: the bundled one)")
    parser.add_argument("--save-sample", type=Path, default=None)
    parser.add_argument("--device", default="cuda", help="cpu only to try the script on a small corpus")
    args = parser.parse_args(argv)

    import torch
    from sentence_transformers import SentenceTransformer

    embed.offline()
    path = args.model or embed.default_model_path()
    started = time.perf_counter()
    quotes = build(args.quotes, vocabulary(Path(path) / "vocab.txt"))
    texts = [q.text for q in quotes]
    distinct = list(dict.fromkeys(texts))
    print(
        f"corpus: {len(texts)} quotes, {len(distinct)} distinct texts, built in "
        f"{time.perf_counter() - started:.0f} s; {torch.cuda.get_device_name() if torch.cuda.is_available() else args.device}, torch {torch.__version__}"
    )

    raw = SentenceTransformer(path, device=args.device).half()
    app = embed.DeviceEncoder(path, args.device, half=True, threads=1)
    warm = distinct[:4096]
    raw.encode(warm, normalize_embeddings=True, convert_to_numpy=True)
    embed.encode(warm, model=app)

    def raw_encode(some, batch_size):
        return lambda: raw.encode(
            some, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True
        )

    print(f"all {len(texts)} quotes, as cluster_quotes hands them over:")
    _, raw_all = timed(
        "  raw sentence-transformers fp16 (batch 32, its default)", raw_encode(texts, 32), len(texts)
    )
    _, app_all = timed("  app cuda backend", lambda: embed.encode(texts, model=app), len(texts))
    print(f"  ratio {raw_all / app_all:.2f}x")
    subset = distinct[:SUBSET]
    print(f"the first {len(subset)} distinct texts (no repeats to drop: the model path alone):")
    _, raw_default = timed("  raw sentence-transformers fp16, batch 32", raw_encode(subset, 32), len(subset))
    _, raw_large = timed(
        f"  raw sentence-transformers fp16, batch {embed.GPU_BATCH_SIZE}",
        raw_encode(subset, embed.GPU_BATCH_SIZE),
        len(subset),
    )
    vectors, app_distinct = timed("  app cuda backend", lambda: embed.encode(subset, model=app), len(subset))
    print(
        f"  ratio {raw_default / app_distinct:.2f}x raw at batch 32, "
        f"{raw_large / app_distinct:.2f}x raw at batch {embed.GPU_BATCH_SIZE}"
    )
    if args.save_sample:
        args.save_sample.parent.mkdir(parents=True, exist_ok=True)
        np.save(args.save_sample, vectors[:SAMPLE])
        args.save_sample.with_suffix(".txt").write_text("\n".join(distinct[:SAMPLE]), encoding="utf-8")


if __name__ == "__main__":
    main()
