"""The embedding model loads from disk and gives unit vectors that rank meaning."""

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
