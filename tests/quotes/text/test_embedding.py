"""The embedding model loads from disk and gives unit vectors that rank meaning."""

import re
from pathlib import Path

import numpy as np
import pytest

from quotes.text import embedding as embed

pytestmark = pytest.mark.slow


def test_it_encodes_texts_as_unit_float32_vectors_that_rank_similar_sentences_higher():
    vectors = embed.encode(
        [
            "The ceasefire will hold until the talks resume.",
            "The truce is going to last until negotiations start again.",
            "Heavy rain flooded the football stadium on Sunday.",
        ]
    )
    assert vectors.shape == (3, embed.DIMENSIONS) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_it_encodes_a_repeated_text_to_the_same_vector():
    vectors = embed.encode(["Same words.", "Other words.", "Same words."])
    assert np.array_equal(vectors[0], vectors[2])


def test_it_round_trips_a_vector_through_the_stored_bytes():
    vector = embed.encode(["A sentence to store."])[0]
    blob = embed.to_bytes(vector)
    assert len(blob) == embed.DIMENSIONS * 4
    assert np.array_equal(embed.from_bytes(blob), vector)


def test_it_refuses_stored_bytes_of_the_wrong_size():
    with pytest.raises(ValueError, match="holds 3 numbers"):
        embed.from_bytes(np.zeros(3, dtype=np.float32).tobytes())


def test_it_returns_an_empty_matrix_for_no_texts():
    assert embed.encode([]).shape == (0, embed.DIMENSIONS)


SAMPLES = Path(__file__).resolve().parents[3] / "sources" / "samples"


def sample_sentences() -> list[str]:
    """The sentences of the bundled plain-text samples (cut at full stops, as a test needs)."""
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt")))
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 3]


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return str(tmp_path_factory.mktemp("embedding-cache"))


@pytest.mark.parametrize("backend", ["onnx", "torch-bf16"])
def test_the_fast_backends_give_the_vectors_of_torch_on_the_bundled_samples(backend, cache):
    sentences = sample_sentences()
    assert len(sentences) > 20
    reference = embed.encode(sentences, model=embed.load_model(backend="torch", threads=1))
    fast = embed.encode(sentences, model=embed.load_model(backend=backend, cache_dir=cache, threads=1))
    assert fast.shape == reference.shape and fast.dtype == np.float32
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    assert (fast * reference).sum(axis=1).min() >= 0.9999


def test_the_gpu_encoders_batching_and_pooling_give_the_vectors_of_torch_on_the_bundled_samples():
    """The "cuda" backend's code path, run on the CPU in float32 (CI has no GPU): own
    tokenizer, length-sorted token-capped batches, pooling on the device, rows back in order."""
    sentences = sample_sentences()
    reference = embed.encode(sentences, model=embed.load_model(backend="torch", threads=1))
    encoder = embed.DeviceEncoder(embed.default_model_path(), "cpu", half=False, threads=1)
    for batch_size in (embed.GPU_BATCH_SIZE, 5):
        vectors = embed.encode(sentences, model=encoder, batch_size=batch_size)
        assert vectors.shape == reference.shape and vectors.dtype == np.float32
        assert (vectors * reference).sum(axis=1).min() >= 0.9999


def test_it_embeds_on_the_gpu_by_default_where_torch_sees_one(monkeypatch):
    monkeypatch.setattr(embed, "gpu_is_available", lambda: True)
    assert embed.default_backend() == "cuda"
    monkeypatch.setattr(embed, "gpu_is_available", lambda: False)
    assert embed.default_backend() in ("torch-bf16", "onnx")


def test_the_int8_backend_stays_close_to_torch_on_the_bundled_samples(cache):
    sentences = sample_sentences()
    reference = embed.encode(sentences, model=embed.load_model(backend="torch", threads=1))
    quantized = embed.encode(
        sentences, model=embed.load_model(backend="onnx-int8", cache_dir=cache, threads=1)
    )
    assert (quantized * reference).sum(axis=1).mean() >= 0.98


def test_it_exports_the_model_once_and_reads_the_cached_graph_afterwards(cache):
    first = embed.exported_graph(embed.default_model_path(), Path(cache))
    written = first.stat().st_mtime_ns
    again = embed.exported_graph(embed.default_model_path(), Path(cache))
    assert again == first and again.stat().st_mtime_ns == written
    assert not list(Path(cache).glob("*.part"))


def test_it_refuses_an_unknown_backend():
    with pytest.raises(ValueError, match="unknown embedding backend"):
        embed.load_model(backend="gpu-magic")
