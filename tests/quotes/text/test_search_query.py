"""Reading a search box entry: phrases, OR, exclusions, FTS5 expressions, matched words."""

from quotes.text.search_query import (
    MAX_WORDS,
    SearchQuery,
    Term,
    fts5_expression,
    matched_spans,
    parse,
)


def words(query: SearchQuery):
    return [[" ".join(term.words) for term in group] for group in query.groups]


def test_it_needs_every_word_separated_by_spaces():
    assert words(parse("troops Crimea")) == [["troops"], ["Crimea"]]


def test_it_reads_a_quoted_phrase_as_one_term():
    query = parse('"no withdrawal" troops')

    assert query.groups[0] == (Term(("no", "withdrawal")),)
    assert query.groups[0][0].is_phrase


def test_it_reads_curly_quotes_and_an_unclosed_quote_as_phrases():
    assert words(parse("“fragile calm” now")) == [["fragile calm"], ["now"]]
    assert words(parse('water "runs again')) == [["water"], ["runs again"]]


def test_it_joins_terms_around_or_into_one_group():
    assert words(parse("troops OR forces stay")) == [["troops", "forces"], ["stay"]]
    assert words(parse("a OR b OR c")) == [["a", "b", "c"]]


def test_it_reads_a_lower_case_or_as_a_word():
    assert words(parse("troops or forces")) == [["troops"], ["or"], ["forces"]]


def test_it_excludes_words_and_phrases_after_a_minus():
    query = parse('troops -Crimea -"no deal"')

    assert words(query) == [["troops"]]
    assert query.excluded == (Term(("Crimea",)), Term(("no", "deal")))


def test_it_reads_a_token_of_several_word_runs_as_a_phrase():
    assert parse("U.S. don't").groups == ((Term(("U", "S")),), (Term(("don", "t")),))


def test_it_counts_punctuation_a_lone_minus_and_a_dangling_or_for_nothing():
    assert not parse(' - OR ?! "" ')
    assert words(parse("OR troops OR")) == [["troops"]]


def test_it_reads_no_more_than_max_words():
    query = parse(" ".join(f"w{n}" for n in range(MAX_WORDS + 5)))

    assert len(query.groups) == MAX_WORDS


def test_it_drops_repeated_terms_and_groups():
    assert words(parse("troops Troops troops")) == [["troops"], ["Troops"]]


def test_it_writes_fts5_expressions_that_quote_every_term():
    query = parse('troops OR "no deal" Crimea')

    assert fts5_expression(query.groups) == '("troops" OR "no deal") AND "Crimea"'


def test_it_cannot_be_made_to_write_fts5_syntax():
    query = parse('NEAR(a b) col:x a* "b""c"')

    assert fts5_expression(query.groups) == '"NEAR a" AND "b" AND "col x" AND "a" AND "c"'


def test_it_marks_the_words_sharing_a_stem_with_a_searched_word():
    text = "No withdrawals: the troops withdrew, then troop leaders spoke."

    spans = matched_spans(text, parse('troop "no withdrawal"'))

    assert [text[start:end] for start, end in spans] == ["No", "withdrawals", "troops", "troop"]


def test_it_marks_nothing_for_excluded_words_only():
    assert matched_spans("The troops stay.", parse("-troops")) == []
