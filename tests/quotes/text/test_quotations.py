"""quotes.text.quotations: which quoted text is a quotation, and how it is cut into sentences."""

from quotes.text.quotations import find_quotations, mark_view, quote_spans


def texts(body):
    return [span.text for span in quote_spans(body, find_quotations(body))]


def quotations(body):
    """Each quotation's sentences, as lists of text."""
    grouped = {}
    for span in quote_spans(body, find_quotations(body)):
        grouped.setdefault(span.quotation, []).append(span.text)
    return list(grouped.values())


HEAD = "Harbour talks end\n\n"


def test_it_finds_curly_straight_and_single_quotes():
    body = HEAD + (
        "“We will open the gates tomorrow morning,” said Anna Berg.\n\n"
        '"The river belongs to everyone who lives beside it," said Olav Lind.\n\n'
        "'Nobody will be left without water this summer,' said Mira Holt."
    )
    assert texts(body) == [
        "We will open the gates tomorrow morning,",
        "The river belongs to everyone who lives beside it,",
        "Nobody will be left without water this summer,",
    ]


def test_it_gives_offsets_into_the_body():
    body = HEAD + "Anna Berg said: “The gates open at noon. Boats may pass.”"
    for span in quote_spans(body, find_quotations(body)):
        assert body[span.start : span.end] == span.text


def test_it_splits_a_quotation_into_sentences_that_share_its_index():
    body = HEAD + "Anna Berg said: “The gates open at noon. Mr. Lind agreed to it. Boats may pass!”"
    spans = quote_spans(body, find_quotations(body))
    assert [s.text for s in spans] == ["The gates open at noon.", "Mr. Lind agreed to it.", "Boats may pass!"]
    assert {s.quotation for s in spans} == {0}
    assert [s.sentence for s in spans] == [0, 1, 2]


def test_a_company_abbreviation_ends_no_sentence():
    body = (
        HEAD
        + "Anna Berg said: “The ferry is run by Lind Bros. Harbour Lines and the council. Boats may pass!”"
    )
    spans = quote_spans(body, find_quotations(body))
    assert [s.text for s in spans] == [
        "The ferry is run by Lind Bros. Harbour Lines and the council.",
        "Boats may pass!",
    ]


def test_it_continues_a_quotation_into_a_paragraph_that_opens_with_a_mark():
    body = HEAD + (
        "Anna Berg said: “The gates open at noon and stay open all week.\n\n"
        "“Boats may pass in both directions from then on.”\n\n"
        "The harbour master agreed."
    )
    assert quotations(body) == [
        [
            "The gates open at noon and stay open all week.",
            "Boats may pass in both directions from then on.",
        ]
    ]


def test_it_ends_a_quotation_that_never_closes_with_its_paragraph():
    body = HEAD + (
        "He added: “The gates open at noon and stay open all week.\n\n"
        "The harbour master agreed with the plan on Friday."
    )
    assert texts(body) == ["The gates open at noon and stay open all week."]


def test_it_joins_a_quotation_interrupted_by_its_attribution():
    body = HEAD + "“The gates open at noon,” she said. “Boats may pass in both directions.”"
    assert quotations(body) == [["The gates open at noon,", "Boats may pass in both directions."]]


def test_it_closes_a_quotation_with_a_mark_typed_the_wrong_way_round():
    body = HEAD + "“The gates stay shut for now. None of the boats may pass, “he said."
    assert texts(body) == ["The gates stay shut for now.", "None of the boats may pass,"]


def test_it_reopens_after_a_forgotten_closing_mark():
    body = HEAD + (
        "The envoy told a newspaper that “there will be no strike today. "
        "“There will be none next week either.”"
    )
    assert quotations(body) == [["there will be no strike today.", "There will be none next week either."]]


def test_it_keeps_a_quote_inside_a_quote_as_part_of_the_text():
    body = HEAD + "Anna Berg said: “They told me ‘the gates stay shut’ and I said no to them.”"
    assert texts(body) == ["They told me ‘the gates stay shut’ and I said no to them."]


def test_it_reads_apostrophes_as_letters_not_quote_marks():
    body = HEAD + "The port’s owners said the ’90s rules don't apply and Anna Berg’s plan stands."
    assert texts(body) == []


def test_it_keeps_short_phrases_in_reported_speech_as_fragments():
    body = HEAD + "Anna Berg warned of a “new reality” on the river and said talks were “far from over”."
    spans = quote_spans(body, find_quotations(body))
    assert [(s.text, s.kind) for s in spans] == [("new reality", "fragment"), ("far from over", "fragment")]
    assert spans[0].quotation != spans[1].quotation


def test_it_marks_whole_sentences_as_full():
    body = HEAD + "“We have waited two summers for this water and we will not wait a third,” he said."
    assert [s.kind for s in quote_spans(body, find_quotations(body))] == ["full"]


def test_it_skips_read_more_links():
    body = (
        HEAD
        + "Anna Berg said: “The gates open at noon today.”\n\nREAD MORE: 'Hard to believe' says river council"
    )
    assert texts(body) == ["The gates open at noon today."]


def test_it_skips_headlines_of_other_stories_after_the_head():
    body = HEAD + (
        "Anna Berg said: “The gates open at noon today.”\n\n"
        "Related stories\n\n"
        "Minister has ‘lost the plot’ over ferries\n\n"
        "‘Grow up’ and fix the roads, councils told"
    )
    assert texts(body) == ["The gates open at noon today."]


def test_it_keeps_a_quoted_fragment_in_the_headline():
    body = "River board ‘not convinced’ by dam plan\n\nThe board met on Monday in the town hall."
    assert texts(body) == ["not convinced"]


def test_it_drops_a_headline_quote_the_body_prints_again():
    body = (
        "Harbour chief says ‘gates open at noon’\n\n"
        "Anna Berg said the “gates open at noon” and that boats may pass."
    )
    spans = quote_spans(body, find_quotations(body))
    assert [s.text for s in spans] == ["gates open at noon"]
    assert spans[0].start > body.index("\n\n")


def test_it_skips_titles_and_scare_quotes():
    body = HEAD + (
        "The so-called “river tax” was dropped last year.\n\n"
        "Her book “Water and Power” sold well in the valley.\n\n"
        "The “modern” ferry broke down again on the crossing."
    )
    assert texts(body) == []


def test_it_finds_nothing_in_text_without_quote_marks():
    assert find_quotations(HEAD + "The gates open at noon.") == []
    assert find_quotations("") == []


def test_it_keeps_a_phrase_in_a_sentence_that_names_a_person_but_not_one_naming_a_body():
    body = HEAD + (
        "Anna Berg’s “open harbour” plan won the vote.\n\n"
        "The Royal Navy sent its “most modern” ship to the Cold War museum."
    )
    assert texts(body) == ["open harbour"]


def test_it_drops_scare_quotes_in_the_first_paragraph_of_the_body():
    body = HEAD + "Crowds filled the square on Friday, chanting “freedom” as police looked on."
    assert texts(body) == []


def test_it_drops_title_case_names_beside_a_person_unless_spoken():
    body = HEAD + (
        "Former wrestler Dwayne “The Harbour” Jones opened the new pier.\n\n"
        "Anna Berg said the plan was “Harbour First” all the way."
    )
    assert texts(body) == ["Harbour First"]


def test_it_skips_a_word_quoted_as_a_word():
    body = HEAD + "Anna Berg said the term “harbour tax” was never used by the council."
    assert texts(body) == []


def test_it_keeps_a_double_quote_inside_a_single_quoted_quotation():
    body = HEAD + "'They told me \"the gates stay shut\" and I said no to them,' said Anna Berg."
    assert texts(body) == ['They told me "the gates stay shut" and I said no to them,']


def test_it_reads_double_quotes_past_a_single_mark_that_never_closes():
    body = HEAD + "Fishing's been slow since 'ninety, and Anna Berg said “the gates stay shut”."
    assert texts(body) == ["the gates stay shut"]


def test_it_continues_a_single_quoted_quotation_over_paragraphs():
    body = HEAD + (
        "She said: 'The gates open at noon.\n\n"
        "'Boats may pass from then on,' said Anna Berg.\n\n"
        "‘We waited two summers for this water and now it is here.\n\n"
        "‘Nobody will be left behind.’"
    )
    assert quotations(body) == [
        ["The gates open at noon.", "Boats may pass from then on,"],
        ["We waited two summers for this water and now it is here.", "Nobody will be left behind."],
    ]


def test_it_pairs_quote_marks_typed_as_two_characters():
    body = HEAD + "''We open at noon,'' said Anna Berg. ``Boats may pass,'' she added."
    assert texts(body) == ["We open at noon,", "Boats may pass,"]


def test_it_closes_a_curly_opening_mark_with_two_closing_singles():
    body = HEAD + "Anna Berg said: “We open the gates at noon on Friday.’’ The crowd cheered."
    assert texts(body) == ["We open the gates at noon on Friday."]


def test_it_pairs_low_and_angle_quote_marks():
    assert texts(HEAD + "Anna Berg said: „We open the gates at noon on Friday.“") == [
        "We open the gates at noon on Friday."
    ]
    assert texts(HEAD + "Anna Berg said: «We open the gates at noon on Friday.»") == [
        "We open the gates at noon on Friday."
    ]


def test_one_stray_mark_does_not_derail_the_rest_of_the_article():
    body = HEAD + (
        'The 12" pipe burst on Monday, Anna Berg said.\n\n'
        "“We open the gates at noon,” she said. “Boats may pass.”"
    )
    assert texts(body) == ["We open the gates at noon,", "Boats may pass."]


def test_it_ends_a_quote_that_runs_into_a_footer_without_a_line_break():
    body = HEAD + (
        "“We open the gates at noon on Friday,” Anna Berg said. “Boats may pass.”"
        "Editor’s note: an earlier version of this story misstated the date."
    )
    assert texts(body) == ["We open the gates at noon on Friday,", "Boats may pass."]


def test_it_skips_titles_of_shows_books_and_films():
    body = HEAD + (
        "Anna Berg, the host of “Morning on the Quay,” spoke on Monday.\n\n"
        "Olav Lind, author of “The Last Ferry to the Islands,” said little.\n\n"
        "She appeared on the network’s “Harbour Hour” program last week."
    )
    assert texts(body) == []


def test_it_skips_markup_and_spans_with_no_letters():
    body = HEAD + (
        '<tweet id="12345" author="harbourdesk">Gates open at noon</tweet>\n\n'
        "The fee rose by “15%” on Monday, Anna Berg said."
    )
    assert texts(body) == []


def test_it_skips_a_short_title_case_name_of_a_programme():
    body = HEAD + (
        "Anna Berg said on the network’s “Harbour Hour Tonight,” that the port would reopen.\n\n"
        "Olav Lind told “Morning on the Quay” that the boats were ready."
    )
    assert texts(body) == []


def test_it_keeps_apart_two_quotes_with_a_new_sentence_between():
    body = HEAD + "“The gates stay shut.” Anna Berg called the plan “a harbour for nobody.”"
    assert quotations(body) == [["The gates stay shut."], ["a harbour for nobody."]]


def test_it_keeps_apart_two_quotes_whose_narration_runs_into_the_second():
    body = HEAD + "On the network’s “Harbour Hour,” Anna Berg said the council’s “patience” had run out."
    assert [texts for texts in quotations(body) if "patience" in texts] == [["patience"]]


def test_it_joins_a_quotation_interrupted_by_an_attribution_with_an_honorific():
    body = HEAD + "“The gates open at noon,” Mr. Lind said. “Boats may pass in both directions.”"
    assert quotations(body) == [["The gates open at noon,", "Boats may pass in both directions."]]


def test_it_does_not_run_a_short_unclosed_quote_into_the_next_paragraph():
    body = HEAD + (
        "The council keeps its own list of harbour “family fleets.'.')\n\n"
        "“The list comes down to money,” Olav Lind said. “More boats need more clerks.”"
    )
    assert quotations(body)[-1] == ["The list comes down to money,", "More boats need more clerks."]


def test_it_blanks_a_markup_tag_broken_over_lines():
    body = HEAD + (
        '<tweet author="@harbourdesk" date="March 9, 2016\n\n'
        '">Gates open at noon. Boats wait outside.</tweet>\n\n'
        "“We open at noon,” Anna Berg said."
    )
    assert texts(body) == ["We open at noon,"]


def test_it_rewrites_a_mark_typed_as_two_characters_as_a_doubled_mark_at_the_same_offsets():
    body = "He said ''we open at noon.''"
    view = mark_view(body)
    assert view == "He said ““we open at noon.””" and len(view) == len(body)


def test_it_does_not_join_a_title_to_the_quote_after_it():
    body = HEAD + "“We expect to be vetted,” she said on “Harbour Hour.” “But this is something else.”"
    assert texts(body) == ["We expect to be vetted,", "But this is something else."]


def test_it_skips_a_list_of_titles_and_a_title_before_its_maker():
    body = HEAD + (
        "Olav Lind had roles in “Saving the Quay,” “Low Tide,” and “The Last Ferry.”\n\n"
        "“Harbour Hour” host Anna Berg said little on Monday."
    )
    assert texts(body) == []


def test_it_skips_a_nickname_inside_a_name():
    body = HEAD + (
        'The board heard from Robert "Bob" Lind and from Gov. C.L. “Butch” Hale.\n\n'
        "Asked on Monday, Anna said “Yes” Tuesday."
    )
    assert texts(body) == ["Yes"]


def test_it_reads_no_title_cue_in_the_paragraph_before():
    body = (
        HEAD
        + "She opened this week’s episode of the show.\n\n“It is true, we have lost the vote,” Anna Berg says."
    )
    assert texts(body) == ["It is true, we have lost the vote,"]


def test_it_skips_more_titles_of_works():
    body = HEAD + (
        "Anna Berg had small roles in “Saving the Quay,” “Apollo 9,” and “Low Tide: The Return,” she said.\n\n"
        "“Gone is the Tide” star Olav Lind spoke on Monday.\n\n"
        "According to “Perfect Enough: A Life on the Water” by Anna Berg, the ferry was late.\n\n"
        "Olav Lind told NBC’s “Today” that the boats were ready."
    )
    assert texts(body) == []


def test_it_skips_a_headline_cited_with_its_author():
    body = HEAD + (
        "FAREWELL—“The harbour bar to close at the end of May,” by Anna Berg: the bar ran for 18 years.\n\n"
        "NEW BOATS—“A yard that builds ferries by hand,” by The Harbour Post's Olav Lind: it has six.\n\n"
        "The port was “arbitrarily closed” by Olav Lind, the islanders said.\n\n"
        "“If the ferry had not run” by the storm season, the islanders would have left, she said.\n\n"
        "“We sail at noon,” by Friday the crew had said."
    )
    assert texts(body) == ["arbitrarily closed", "If the ferry had not run", "We sail at noon,"]


def test_it_keeps_a_word_someone_said_after_a_possessive():
    body = HEAD + "Critics compared it to Olav Lind's “Oops” in 2012, the gravest lapse of the campaign."
    assert texts(body) == ["Oops"]


def test_it_skips_a_link_label_alone_in_quote_marks():
    body = (
        HEAD + "“We open at noon,” Anna Berg said.\n\n“Related:”\n\n“Follow us,” Olav Lind said to the boys."
    )
    assert texts(body) == ["We open at noon,", "Follow us,"]


def test_it_pairs_angle_and_low_marks_as_printed_in_the_wild():
    assert texts(HEAD + "« Nous ouvrons à midi », a dit Anna Berg.") == ["Nous ouvrons à midi"]
    assert texts(HEAD + "»We open the gates at noon,« Anna Berg said.") == ["We open the gates at noon,"]
    assert texts(HEAD + "„We open the gates at noon,” Anna Berg said. „Boats may pass.“") == [
        "We open the gates at noon,",
        "Boats may pass.",
    ]


def test_a_stray_angle_mark_costs_at_most_its_own_paragraph():
    body = HEAD + (
        "The « harbour plan was approved on Monday, the council said.\n\n"
        "“We open at noon,” Anna Berg said. “Boats may pass.”"
    )
    assert texts(body)[-2:] == ["We open at noon,", "Boats may pass."]


def test_a_word_that_ends_the_sentence_before_makes_no_title_of_the_next_quote():
    body = HEAD + (
        "She then turned to the mayor's favourite slogan. "
        "“But that work is not to make the harbour great again,” she said."
    )
    assert texts(body) == ["But that work is not to make the harbour great again,"]


def test_it_skips_a_pen_name_in_quote_marks():
    body = HEAD + "Olav Lind wrote under the pseudonym “Harbour Ghost,” but the islanders soon knew him."
    assert texts(body) == []
