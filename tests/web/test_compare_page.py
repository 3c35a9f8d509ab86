"""The compare page: two printed versions side by side, marked word by word, with figures."""

import numpy
import pytest
from django.urls import reverse

COMPARE = reverse("web:compare")


def test_it_marks_kept_cut_added_and_replaced_words_side_by_side(client, story):
    response = client.get(COMPARE, {"a": story.reopen_verbatim.pk, "b": story.reopen_reworded.pk})
    assert response.status_code == 200
    left, right = response.context["left_html"], response.context["right_html"]
    assert '<span class="replaced"><span class="visually-hidden">replaced: </span>harbour</span>' in left
    assert '<span class="replaced"><span class="visually-hidden">replaced: </span>port</span>' in right
    assert '<del class="cut"><span class="visually-hidden">cut: </span>the</del>' in left
    assert "<del" not in right


def test_it_marks_added_words_on_the_second_side(client, story):
    response = client.get(COMPARE, {"a": story.reopen_trimmed.pk, "b": story.reopen_verbatim.pk})
    assert (
        '<ins class="added"><span class="visually-hidden">added: </span>and not a day later.</ins>'
        in (response.context["right_html"])
    )


def test_it_shows_a_legend_and_the_similarity_figures(client, story):
    response = client.get(COMPARE, {"a": story.reopen_verbatim.pk, "b": story.reopen_trimmed.pk})
    html = response.content.decode()
    for word in ("kept", "cut", "added", "replaced"):
        assert f"<dd>{word}</dd>" in html
    assert '<span class="badge drift-trimmed">trimmed</span>' in html
    assert "Words in common, in order</dt><dd>" in html
    assert "not measured (no embedding stored" in html


def test_it_shows_the_embedding_similarity_when_both_have_vectors(client, story):
    for quote, vector in ((story.reopen_verbatim, [1.0, 0.0]), (story.reopen_trimmed, [0.6, 0.8])):
        quote.embedding = numpy.array(vector, dtype=numpy.float32).tobytes()
        quote.save(update_fields=["embedding"])
    response = client.get(COMPARE, {"a": story.reopen_verbatim.pk, "b": story.reopen_trimmed.pk})
    assert response.context["drift"].embedding_similarity == pytest.approx(0.6, abs=1e-6)
    assert "Closeness in meaning</dt><dd>60%</dd>" in response.content.decode()


def test_it_escapes_markup_in_the_compared_text(client, story):
    response = client.get(COMPARE, {"a": story.script_quote.pk, "b": story.reopen_verbatim.pk})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "These versions belong to different statements." in html


def test_it_rejects_ids_that_are_not_numbers_with_a_message(client, story):
    response = client.get(COMPARE, {"a": "one", "b": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a whole number." in html
    assert "This field is required." in html


def test_it_gives_404_for_a_missing_or_hidden_quote(client, story):
    assert client.get(COMPARE, {"a": story.reopen_verbatim.pk, "b": 987654}).status_code == 404
    assert client.get(COMPARE, {"a": story.hidden.pk, "b": story.reopen_verbatim.pk}).status_code == 404
    assert client.get(COMPARE, {"a": 10**20, "b": story.reopen_verbatim.pk}).status_code == 404


def test_it_offers_to_swap_the_two_sides(client, story):
    response = client.get(COMPARE, {"a": story.reopen_verbatim.pk, "b": story.reopen_trimmed.pk})
    swap = f'href="{COMPARE}?a={story.reopen_trimmed.pk}&amp;b={story.reopen_verbatim.pk}"'
    assert swap in response.content.decode()
