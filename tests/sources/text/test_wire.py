"""sources.text.wire: wire copy found by shingles outside quotation marks, on passages written for the test."""

from sources.text.wire import Thresholds, WireCopy, overlap, shingles, wire_groups

STORY = (
    "The river authority opened the northern sluice gates on Tuesday morning after three weeks of "
    "heavy rain swelled the reservoir above its seasonal mark. Engineers said the release would "
    "continue through the weekend and that farmland downstream had been warned. The authority's "
    "chair told reporters the dam itself was sound and that inspections had found no cracks. "
    "Residents of the lower valley were advised to move livestock to higher pastures and to keep "
    "clear of the riverbanks until the level falls. A second release is planned for next month if "
    "the forecast rain arrives, the authority added in a statement posted on its website."
)
OTHER = (
    "Council members voted on Wednesday to extend the bus lane on the harbour road by another two "
    "kilometres, ending a debate that had run since the spring. Supporters argued that buses on the "
    "route were late on most mornings; opponents said shops along the road would lose parking. The "
    "works start in autumn and will close one lane at a time, the council's transport office said, "
    "with the whole extension due to open before the end of the year if the weather holds."
)
QUOTE = "“We have never seen the water this high in March, and we will not take any risks with it.”"
SMALL = Thresholds(min_shingles=10)


def test_an_agency_story_cut_and_given_a_new_opening_is_a_copy_of_the_original():
    paragraphs = STORY.split(". ")
    copy = "Our valley correspondent writes from the lower farms today. " + ". ".join(paragraphs[:5])
    assert overlap(shingles(STORY), shingles(copy)) >= Thresholds().min_overlap


def test_two_stories_quoting_the_same_words_are_not_copies():
    left = f"{STORY} The chair said: {QUOTE}"
    right = f"{OTHER} Asked about the river, the chair said: {QUOTE}"
    assert overlap(shingles(left), shingles(right)) == 0.0


def test_quoted_words_and_punctuation_do_not_count():
    assert shingles(f"{STORY} {QUOTE}") == shingles(STORY)
    assert shingles(STORY.upper().replace(",", "")) == shingles(STORY)


def test_a_body_too_short_to_judge_is_never_a_copy():
    assert overlap(shingles("Gates open at noon today, the authority said."), shingles(STORY)) == 0.0


def test_groups_take_their_earliest_article_as_the_original():
    bodies = {
        "ledger": shingles(STORY),
        "courier": shingles(STORY),
        "times": shingles(STORY),
        "other": shingles(OTHER),
    }
    order = {"ledger": (2, "ledger"), "courier": (1, "courier"), "times": (3, "times"), "other": (0, "other")}
    pairs = [("ledger", "times"), ("times", "courier"), ("ledger", "other")]
    copies = sorted(wire_groups(pairs, bodies, order, SMALL), key=lambda copy: copy.article)
    assert copies == [WireCopy("ledger", "courier", 1.0), WireCopy("times", "courier", 1.0)]


def test_no_pair_over_the_threshold_means_no_copy():
    bodies = {"a": shingles(STORY), "b": shingles(OTHER)}
    assert wire_groups([("a", "b")], bodies, {"a": (1,), "b": (2,)}, SMALL) == []
