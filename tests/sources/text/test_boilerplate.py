"""Boilerplate removal: general line rules on short passages, then on the real seeds."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sources.text.boilerplate import clean, looks_hard_wrapped, split_paragraphs


def paragraphs(text, **options):
    return list(clean(text, **options).paragraphs)


def test_it_drops_read_more_and_related_links():
    text = (
        "Headline here\n\nREAD MORE: Ferry fares rise again\n\nRead more: Another story\n\n"
        "Related: Third story\n\nThe story goes on."
    )
    assert paragraphs(text) == ["Headline here", "The story goes on."]


def test_it_drops_share_buttons_newsletter_and_copyright_lines():
    text = (
        "Headline\nShare this article\nShare this articleComments\nCopy to clipboard\n"
        "Copy/paste the article video embed link below:Copy to clipboardCopied\n"
        "Sign up to our Morning Briefing newsletter\nCopyright Some Agency\n© 2025 Some Paper\nThe story."
    )
    assert paragraphs(text) == ["Headline", "The story."]


def test_it_drops_photo_captions_by_marker_label_and_repeat():
    text = (
        "Headline\n\nIn this photo provided by the ministry, officials meet.\n\nThe talks began.\n\n"
        "The Daily Paper:\n\nOfficials arrive for the talks in the capital\n\n"
        "Ministers meet in the capital.\n\nThe talks ended late.\n\n"
        "Ministers meet in the capital. The minister said the talks went well."
    )
    assert paragraphs(text) == [
        "Headline",
        "The talks began.",
        "The talks ended late.",
        "Ministers meet in the capital. The minister said the talks went well.",
    ]


def test_it_keeps_a_label_line_followed_by_a_quotation():
    text = "Headline\n\nThe Minister:\n\n“We will not give in.”"
    assert paragraphs(text) == ["Headline", "The Minister:", "“We will not give in.”"]


def test_it_keeps_a_title_case_subheading_followed_by_a_sentence():
    text = "Headline\n\nWhat Happens Next:\n\nThe ministers meet again in May."
    assert paragraphs(text) == ["Headline", "What Happens Next:", "The ministers meet again in May."]


def test_it_keeps_a_speaker_cue_that_ends_with_a_colon():
    text = "Headline\n\nHe added:\n\nThe Commission said:\n\n“It is done.”"
    assert paragraphs(text) == ["Headline", "He added:", "The Commission said:", "“It is done.”"]


def test_it_drops_the_editors_pitch_and_the_paragraph_under_it():
    text = "Headline\n\nThe story.\n\nA message from the editor:\n\nThank you for reading. Please subscribe."
    assert paragraphs(text) == ["Headline", "The story."]


def test_it_drops_a_follow_promotion_and_its_tail_line():
    text = "Headline\nThe story.\nFollow The Paper on Google News\nand be the first to know all the news"
    assert paragraphs(text) == ["Headline", "The story."]


def test_it_drops_the_video_player_notice_and_the_video_title_after_it():
    text = (
        "Headline\n\nThe story.\n\nPlease use Chrome browser for a more accessible video player\n\n\n"
        "Minister ‘will not back down’\n\nMore of the story."
    )
    assert paragraphs(text) == ["Headline", "The story.", "More of the story."]


@pytest.mark.parametrize(
    "heading",
    ["Articles You May Like", "You might also like", "More stories", "Related articles", "Related:"],
)
def test_it_drops_a_related_block_with_its_headlines(heading):
    text = f"Headline\n\nThe story.\n\n{heading}\n\nFirst other headline\n‘Quoted’ second headline\nThird headline here"
    assert paragraphs(text) == ["Headline", "The story."]


def test_it_ends_a_related_block_at_the_next_long_paragraph():
    long_paragraph = "The story resumes here with a long paragraph. " * 5
    text = f"Headline\n\nMore stories\n\nOther headline\n\n{long_paragraph.strip()}"
    assert paragraphs(text) == ["Headline", long_paragraph.strip()]


def test_it_drops_navigation_and_timestamp_residue():
    text = (
        "Find Us\n\nHeadline\nPublished on Updated\nUpdated: 12 March 2025 10:00\n"
        "Updated guidance for farmers\nThe story."
    )
    assert paragraphs(text) == ["Headline", "Updated guidance for farmers", "The story."]


def test_it_stores_the_byline_and_the_outlet_a_signature_names():
    cleaned = clean("Headline\nBy Some Outlet with AP\nThe story.")
    assert cleaned.paragraphs == ("Headline", "The story.")
    assert cleaned.byline == "Some Outlet with AP"
    assert cleaned.signature_outlet == "Some Outlet"


def test_it_does_not_take_a_sentence_that_starts_with_by_for_a_byline():
    cleaned = clean("Headline\nBy Tuesday, most of the troops had left.")
    assert cleaned.paragraphs == ("Headline", "By Tuesday, most of the troops had left.")
    assert cleaned.byline == ""


def test_it_keeps_the_characters_of_each_paragraph():
    text = "Headline with ‘curly’ and 'straight'\n\n“It is,” he said, \"a fragile calm.\u00a0\""
    assert clean(text).body == text


def test_it_separates_paragraphs_with_exactly_one_blank_line():
    assert clean("One.\r\n\r\n\r\nTwo.\nThree.\n").body == "One.\n\nTwo.\n\nThree."


def test_it_joins_hard_wrapped_lines_into_paragraphs():
    line = "This line was wrapped by an editor at a fixed width of seventy"
    text = "\n".join([line] * 4) + "\nend.\n\n" + "\n".join([line] * 4) + "\nend."
    assert looks_hard_wrapped(text)
    assert split_paragraphs(text) == [" ".join([line] * 4 + ["end."])] * 2


def test_it_treats_each_line_as_a_paragraph_when_lines_are_long():
    sentence = "A long paragraph that runs on and on past any wrap width a text editor would use. "
    text = "A short headline\n" + sentence * 2
    assert not looks_hard_wrapped(text)
    assert len(split_paragraphs(text)) == 2


LEFTOVERS = (
    "READ MORE",
    "Sign up to",
    "Share this",
    "Copy to clipboard",
    "Copyright",
    "In this photo",
    "A message from the editor",
    "Thank you for reading",
    "Articles You May Like",
    "You might also like",
    "Find Us",
    "Google News",
    "accessible video player",
)


def test_it_leaves_no_boilerplate_in_the_seed_bodies(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        body = clean(path.read_text(encoding="utf-8")).body
        for leftover in LEFTOVERS:
            assert leftover not in body, f"{path.name} still holds {leftover!r}"


def test_it_keeps_every_quoted_passage_the_seeds_are_annotated_with(seeds_dir):
    gold_path = seeds_dir.parent / "eval" / "seeds_gold.jsonl"
    if not gold_path.exists():
        pytest.skip("../shared/eval/seeds_gold.jsonl is not beside the project")
    bodies = {
        path.name: " ".join(clean(path.read_text(encoding="utf-8")).body.split())
        for path in seeds_dir.glob("*.txt")
    }
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        text = " ".join(item["text"].split())
        if item["kind"] == "noise":
            assert text not in bodies[item["article"]], f"noise {text!r} left in {item['article']}"
        else:
            assert text in bodies[item["article"]], f"{text!r} lost from {item['article']}"


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80), max_size=30))
def test_it_only_ever_drops_whole_lines_and_never_rewrites_one(lines):
    text = "\n".join(lines)
    cleaned = clean(text, lines_are_paragraphs=True)
    source_lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    assert all(paragraph in source_lines for paragraph in cleaned.paragraphs)
    assert "\n\n\n" not in cleaned.body
