"""Reported speech: what someone said, argued or found, printed without quote marks.

In: an article's `ParsedArticle` (quotes.text.parse) and its quotations
(quotes.text.quotations). Out: `Report`s: the content clause with its offsets into
the body, the cue verb, and the token of whoever reported it, for
quotes.text.attribution to name. Pure; no ORM.

What counts (the dependency parse decides, not word order):
- the clausal complement of a reporting verb (lexicon.REPORTING_VERBS: speech,
  belief and evidence verbs) when it is a finite clause: "X said (that) …",
  "X told reporters that …", "the poll shows that …", and the same clause
  printed before its cue, a comma between: "The port will close, X said.";
- the infinitive of a verb of intent (lexicon.INTENT_VERBS), with whom it is
  about when they stand between: "X vowed to …", "X urged voters to …";
- the object of a verb of judging or announcing (lexicon.OBJECT_VERBS), with
  its charge or reason: "X criticized the plan", "X accused Y of Z";
- what a verb of naming says of its object (NAMING_VERBS): "X called the plan a
  disaster";
- the object of a verb that reports through its preposition
  (lexicon.PREPOSITION_VERBS): "X called for a ban", "X talked about jobs";
- the clause of a content noun given whose it is (lexicon.CONTENT_NOUNS):
  "X's claim that …", "his refusal to …";
- what evidence shows through a participle with its own subject: "the poll
  shows X leading by two points";
- the main clause of a sentence opened or closed by "according to X";
- the "that" clause after where something was said, which the parse reads as a
  relative clause: "X said in a release that it expects …";
- the clause a reporting verb interrupts or closes, set off by commas, or opens
  after "as": "The ferry, X said, will stop in May.", "The ferry will stop, she
  said.", "As X said, the ferry will stop." (the parse hangs such a verb on the
  clause instead of taking the clause as its complement);
- what a verb of asking reports, an embedded question: "X asked whether …", and
  what no one named asked: "Asked whether she would run, X said …" (no speaker);
  a passive one's agent asked it: "X was asked by Y whether …" (Y).
The speaker is the verb's subject; a participle, an infinitive of purpose or a
second verb without one ("X rejected it, saying …", "X stood up to say …", "X
spoke and added that …") takes its head's, and so does a gerund after "by",
"after" and the like ("X angered voters by saying …"; not after "for" or "with":
"praised Y for saying …"), a participle set off after a clause inside the object
takes the subject of the sentence's main verb, and ends that clause ("X dismissed
claims that Y broke the law — saying …", "X rejected the idea that Y would lose,
saying …": main_verb_of); a cue the parse joins to what someone said ("X said
the party was calm and urged …") is that someone's; a relative pronoun stands
for the noun its clause is about ("Mr. X, who said …", "the company, which said …",
"fishermen who say …", but not after a verb of belief or agreeing, "islanders who
believe …", which says which islanders are meant), and a description for the name it
stands beside ("Mr. X, a pilot who said …"); a participle after a noun is said by
that noun ("voters saying they want …", "data showing …"), or, after the object of a
verb, by that verb's subject ("X issued a statement saying …").
Not taken: a clause that holds or touches a direct quotation (the quotation
already stands for it), a cue inside a quotation ("I think …" within quote
marks), a clause of fewer than MIN_WORDS words, an embedded question but what
was asked ("explained how …"), a subject that is an expletive, a passive "it"
or a relative pronoun ("there are signs", "it was reported that", "which
said"), a passive subject for the new kinds ("X was urged to …": X heard it).

Limits: nominal content of verbs not listed and participial or infinitive
clauses with a subject of their own ("X wants Y to win") are not taken but
after "show" and "indicate"; conjoined clauses ("said that A and that B") stay one report. Measured
on the development set (PolNeAR train, score_quotes.py): recall_indirect 0.223
-> 0.31 with these rules, the indirect rows 93% inside an annotated attribution;
the interrupting cue and the relative pronoun took it from 0.315 to 0.328 (+179
rows, 14 of them outside any annotation, precision 0.9597 -> 0.9592: read, most
of those are statements the annotators left out, "X, who added that …"); the
closing and opening cues and what was asked took it to 0.334 (+73 rows, 63 in an
annotation: 37 of 41 questions asked); a condition opened by "if" or "when"
read as a statement, "it" as a speaker ("It said …", not "it was reported
that") and the second verb of a relative clause ("X, who spoke and said …")
took it to 0.339 (+68 rows, 63 in an annotation); "according to" over joined
clauses, a second clause with a pronoun subject and the infinitive "to say"
took it to 0.348 (+103 rows, 88 of them new in an annotation; precision 0.9592
-> 0.9586); closing cues with a long subject or a comma the parse hangs on the
clause, "that" clauses whose subject the parse misses, "But as X said" and
what a poll shows took it to 0.355 (+99 rows, 90 in an annotation; precision
0.9583); a gerund after a preposition took it to 0.368 (+61 rows, 53 in an
annotation: most of the other 8 are statements the annotators left out, "X
distanced himself by saying he would …"; precision 0.9575), and a cue joined to what
someone said moved ten speakers, nine of them to the one who said it; a
participle after a noun and a restrictive relative clause of a speech verb took it
to 0.380 (+86 rows, 74 in an annotation, most of the rest statements the annotators
left out, "a consultant who said he would not vote for X"; precision 0.9568 ->
0.9563); a gerund subject the parse hangs on the verb ("X said seeing them was a
relief") added 4 rows, all in an annotation; whom a verb of intent is about ("urged the
council to …") and a subject the parse took for the object of "said" took it to 0.388
(+104 rows, 94 in an annotation; precision 0.956 kept); what is still missed is mostly nominal
content of other verbs ("X defended his record"), cues that are not verbs, and spans
the annotators drew otherwise.
"""

from dataclasses import dataclass

from .lexicon import (
    CONTENT_NOUNS,
    CUE_VERBS,
    INTENT_VERBS,
    NAMING_VERBS,
    NARRATORS,
    OBJECT_VERBS,
    PREPOSITION_VERBS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    verb_forms,
)

MIN_WORDS = 5
NO_SPEAKER = frozenset({"there", "what", "which", "who", "that", "this"})
# Relative pronouns (as tagged: "that" is also a determiner and a conjunction).
RELATIVE_TAGS = frozenset({"WP", "WDT"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Verbs of evidence whose participle clause with a subject of its own is what the
# evidence says: "the poll shows Trump leading by two points". Not "find": "X found
# itself playing host to …" (three of eight on the development set were such).
EVIDENCE_VERBS = frozenset(verb_forms("show", "indicate") | {"shown"})
# The ways a question word hangs on the verb of its question ("whether it works",
# "which port she chose", "how many boats sailed").
QUESTION_PATH = frozenset(
    {"mark", "advmod", "det", "amod", "acomp", "nsubj", "nsubjpass", "dobj", "attr", "pobj", "prep"}
)
# "Add", which reports speech ("…, she added") but not with an object ("added 200 jobs").
ADDING = frozenset(verb_forms("add"))
# Verbs whose embedded question is what was asked: "X asked whether …".
ASKING_VERBS = frozenset(verb_forms("ask", "wonder", "inquire", "question"))
QUESTION_WORDS = frozenset({"whether", "if", "how", "why", "what", "who", "whom", "when", "where", "which"})
CUES = REPORTING_VERBS | CUE_VERBS
# What may stand between a clause and the cue that closes it besides the whole
# subject ("…, a spokesman for the council said"): auxiliaries and adverbs
# ("…, she also said").
CUE_WORDS = frozenset({"punct", "nsubj", "nsubjpass", "aux", "advmod", "neg"})
DASHES = frozenset({"—", "–", "--", "-"})
# Clauses inside a noun phrase or another clause: a participle set off after one of
# them goes with the verb above them all (main_verb_of).
EMBEDDED = frozenset({"acl", "relcl", "ccomp", "dobj", "pobj", "prep", "conj"})
# Speech verbs that in a restrictive relative clause say which people are meant, not
# what they said: "Islanders who agree that …" (subject_of).
AGREEING = frozenset(verb_forms("agree"))
# Verbs with no subject of their own that take the subject of their head.
INHERITING = frozenset({"advcl", "conj", "xcomp"})
# Prepositions whose gerund is done by the subject of the verb they hang on ("X
# angered voters by saying …", "after announcing …"); not "for" or "with", whose
# gerund is someone else's ("praised Y for saying …", "with Y saying …").
BY_SUBJECT = frozenset({"by", "after", "before", "since", "in", "while", "when", "without", "upon", "on"})


@dataclass(frozen=True)
class Report:
    """One reported statement: body[start:end] is its content."""

    paragraph: int
    start: int
    end: int
    cue: object  # the spaCy Token of the reporting verb (or "according")
    speaker: object  # the spaCy Token that names who reported it, or None: no one named
    # body[cut[0]:cut[1]] is a cue printed inside the content (", he said,"), not content.
    cut: tuple[int, int] | None = None

    def text(self, body: str) -> str:
        """The content as reported, without a cue printed inside it."""
        if self.cut is None:
            return body[self.start : self.end]
        return f"{body[self.start : self.cut[0]].rstrip()} {body[self.cut[1] : self.end].lstrip()}"


def in_quotation(mask, start, end):
    return any(mask[start:end])


def quotation_mask(length, quotations):
    """One flag per body character: inside a quotation or its marks."""
    mask = bytearray(length)
    for quotation in quotations:
        for segment in quotation.segments:
            lo, hi = max(0, segment.start - 2), min(length, segment.end + 2)
            mask[lo:hi] = b"\x01" * (hi - lo)
    return mask


def in_order(tokens):
    """tokens in body order. A subtree comes out in the parse's order, which is not the
    body's where an arc crosses another ("his knife was stopped by the buckle,
    something X mocked", "something" hung on "knife"): read in that order the clause
    ended mid-sentence and printed only "his knife"."""
    return sorted(tokens, key=lambda token: token.i)


def content_span(tokens):
    """(first, last) tokens of a clause, without the punctuation at its edges."""
    tokens = list(tokens)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    return tokens


def without_set_off(clause):
    """A clause up to a participle in it that goes with the main verb ("the idea that
    Y would lose, saying …": the participle reports something else)."""
    cut = [p.left_edge.i for p in set_off_participles(clause) if p.i > clause[0].i]
    return [t for t in clause if t.i < min(cut)] if cut else clause


def find_reports(parsed, quotations):
    """The reported statements of a parsed article, in body order."""
    mask = quotation_mask(len(parsed.text), quotations)
    reports = []
    for paragraph, doc in sorted(parsed.docs.items()):
        lo = parsed.start(paragraph)
        for token in doc:
            found = None
            if token.lower_ == "according":
                found = according_report(token)
            elif token.tag_.startswith("VB") and token.lower_ in CUES:
                found = complement_report(token)
            elif token.pos_ == "NOUN" and token.lower_ in CONTENT_NOUNS:
                found = noun_report(token)
            if found is None:
                continue
            clause, speaker = found
            clause = content_span(without_set_off(in_order(clause)))
            asks = token.lower_ in ASKING_VERBS
            if len([t for t in clause if not t.is_punct]) < MIN_WORDS or (is_question(clause) and not asks):
                continue
            start, end = lo + clause[0].idx, lo + clause[-1].idx + len(clause[-1])
            if in_quotation(mask, lo + token.idx, lo + token.idx + len(token)) or in_quotation(
                mask, start, end
            ):
                continue
            reports.append(Report(paragraph, start, end, token, speaker, gap(clause, lo)))
    return sorted(set(reports), key=reading_order)


def gap(clause, lo):
    """Body offsets of what is missing from the middle of a clause's tokens (the cue
    it interrupts: ", he said," or ", according to X,") with the punctuation around
    it, or None when its tokens run on."""
    for k in range(len(clause) - 1):
        if clause[k + 1].i != clause[k].i + 1:
            before, after = k, k + 1
            while before > 0 and clause[before].is_punct:
                before -= 1
            while after < len(clause) - 1 and clause[after].is_punct:
                after += 1
            return lo + clause[before].idx + len(clause[before]), lo + clause[after].idx
    return None


def reading_order(report: Report) -> tuple[int, int, int, int]:
    """Where a report starts, then ends, then its cue and speaker: reports that start
    together come out in one order on every run (a set's order varies with the hash seed)."""
    return (report.start, report.end, getattr(report.cue, "i", -1), getattr(report.speaker, "i", -1))


def is_question(clause):
    """An embedded question ("explained how …", "knows whether …"): it reports no
    statement, except what a verb of asking reports (ASKING_VERBS). On the
    development set one in seven was no attribution's content. A question word
    that opens a condition or a subject clause ("If it rains, the port will close",
    "Whether it works will be clear soon") opens a statement."""
    first = clause[0]
    if first.lower_ not in QUESTION_WORDS:
        return False
    inside = {t.i for t in clause}
    word = first
    while word.head.i in inside and word.head.i != word.i:
        if word.dep_ not in QUESTION_PATH:
            return False  # "If states …, they might …": a condition, not a question
        word = word.head
    return True


def complement_report(verb):
    """The clause a reporting verb takes, and its subject: "X said (that) …"."""
    subject = subject_of(verb)
    asks = verb.lower_ in ASKING_VERBS
    asker = agent_of(verb) if asks else None
    unnamed = asks and subject is None and verb.tag_ == "VBN" and verb.dep_ == "advcl"
    if asker is not None or unnamed:
        # "X was asked by Y whether …", "Asked by Y whether …": Y asked it; "Asked
        # whether he would run, X said …": the writer's side asked, no one named
        question = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        return (list(question.subtree), asker) if question is not None else None
    if (
        subject is None
        or subject.lower_ in NO_SPEAKER
        or (subject.lower_ == "it" and subject.dep_ != "nsubj")
        or (verb.lower_ in ADDING and any(c.dep_ == "dobj" for c in verb.children))
    ):
        return None  # "The economy added 200,000 jobs, …": adding something is no speech
    for child in verb.children:
        reported = (
            verb.lower_ in REPORTING_VERBS
            and child.dep_ == "ccomp"
            and (is_finite_clause(child) or opened_by_that(child, verb))
        )
        if reported and child.i > verb.i:
            return with_second_clause(child, verb), subject
        if verb.lower_ in REPORTING_VERBS and gerund_subject(child, verb):
            return list(child.subtree), subject
        if reported and closed_by_cue(child, verb):
            return list(child.subtree), subject
    if verb.lower_ in EVIDENCE_VERBS:
        content = shown(verb)
        if content:
            return content, subject
    if verb.lower_ in REPORTING_VERBS:
        misread = that_clause_after_medium(verb)
        if misread is not None:
            return misread, subject
    if verb.lower_ in REPORTING_VERBS and is_aside(verb):
        # "So that, I said, is why …": the writer's own aside, no one's statement
        return (clause_around(verb), subject) if subject.lower_ not in NARRATORS else None
    if subject.dep_ != "nsubj":
        return None  # "X was urged to …": the subject heard it
    if verb.lower_ in REPORTING_VERBS:
        content = next(filter(None, (split_subject_clause(c, verb) for c in verb.children)), None)
        if content:
            return content, subject
    if verb.lower_ in INTENT_VERBS:
        content = intent_content(verb)
        if content:
            return content, subject
    if verb.lower_ in OBJECT_VERBS:
        content = object_content(verb)
        return (content, subject) if content else None
    if verb.lower_ in NAMING_VERBS:
        content = naming_content(verb)
        if content:
            return content, subject
    if verb.lower_ in PREPOSITION_VERBS:
        content = preposition_content(verb, PREPOSITION_VERBS[verb.lower_])
        return (content, subject) if content else None
    return None


def naming_content(verb):
    """What a verb of naming says of its object, with the object ("X called the plan a
    disaster", "X labelled him a liar": the object and its predicate), or None: "a
    group called X" names nothing of anyone's."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    said = obj and next((c for c in verb.children if c.dep_ == "oprd" and c.i > obj.i), None)
    return list(verb.doc[obj.left_edge.i : said.right_edge.i + 1]) if said is not None else None


def split_subject_clause(clause, verb):
    """A finite clause whose subject the parse took for the reporting verb's object
    ("voters said life for the next generation would be worse": "life" hung on
    "said" as its object, "would be" left with no subject), read from that object
    on; else None."""
    if clause.dep_ != "ccomp" or clause.i < verb.i or any(c.dep_ in CLAUSE_SUBJECTS for c in clause.children):
        return None
    if not is_tensed(clause):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None or obj.left_edge.i != verb.i + 1:
        return None
    return list(verb.doc[obj.left_edge.i : clause.right_edge.i + 1])


def intent_content(verb):
    """The infinitive a verb of intent takes, with whom it is about when they stand
    between ("X urged the council to act", "X asked the board to publish the accounts"),
    or None."""
    infinitive = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i), None)
    to = infinitive and next((c for c in infinitive.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return None
    first = to.i
    between = [c for c in infinitive.children if c.dep_ == "nsubj" and verb.i < c.i < to.i]
    between += [c for c in verb.children if c.dep_ == "dobj" and c.i < to.i]
    if between and min(c.left_edge.i for c in between) == verb.i + 1:
        first = verb.i + 1
    return list(verb.doc[first : infinitive.right_edge.i + 1])


# Prepositions of where, when or how something was said ("in a statement", "on Twitter",
# "during a call", "outside the courthouse", "after the vote"), not of what it was
# called ("described it as a plan that …").
MEDIUM_PREPOSITIONS = frozenset(
    {"in", "on", "during", "at", "via", "through", "over", "outside", "after", "before"}
)


def that_clause_after_medium(verb):
    """The "that" clause after where something was said, which the parse reads as a
    relative or complement clause of that noun ("X said in a release that it expects …":
    "that" taken for the pronoun of "a release that …", or the release's content), or
    None. Only a clause with a subject of its own: "a release that cut rates" is a
    relative clause."""
    for prep in verb.children:
        medium = prep.dep_ == "prep" and prep.lower_ in MEDIUM_PREPOSITIONS and prep.i > verb.i
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if medium else None
        if obj is None:
            continue
        for clause in obj.children:
            that = clause.doc[clause.left_edge.i]
            own_subject = any(c.dep_ in SUBJECTS and c.i > that.i for c in clause.children)
            if (
                clause.dep_ in ("relcl", "acl")
                and that.lower_ == "that"
                and that.i == obj.i + 1
                and own_subject
            ):
                return list(clause.subtree) if is_finite_clause(clause) else None
    return None


def agent_of(verb):
    """Who does what a passive verb says ("asked by Y"), or None."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def with_second_clause(clause, verb):
    """A reported clause and a second one joined to its verb whose subject is a
    pronoun: "X said he will back the nominee, but beyond that he wants no part in
    the race" reports both (the parse joins the second to "said"). One with a
    noun for its subject ("…, but Mr. Y was furious") is more often the writer's
    own: on the development set 26 of 28 pronoun ones lay in an annotation, 24 of
    32 of the others."""
    tokens = list(clause.subtree) + trailing(clause, verb)
    second = next((c for c in verb.children if c.dep_ == "conj" and c.i > clause.i), None)
    if second is None or second.lower_ in CUES or not is_finite_clause(second):
        return tokens
    own = next((c for c in second.children if c.dep_ in SUBJECTS), None)
    if own is None or own.tag_ != "PRP":
        return tokens
    return list(verb.doc[clause.left_edge.i : second.right_edge.i + 1])


# Words that open a condition or reason ("if the ice holds", "because …").
CONDITIONS = frozenset({"if", "unless", "should", "because", "since", "when", "once", "until"})


def trailing(clause, verb):
    """A condition or reason right after the clause reported (or after a dash) that the
    parse hangs on the reporting verb though it belongs to the clause: "X said it left
    those trips out because, presumably, …" ("because" -> "said"), a noun phrase
    that ends the sentence after a comma ("X said they met on Tuesday, the first time
    …"), and the rest of the clause the parse splits off as a second complement of the
    verb, ending the sentence ("… would accept no donations should she win", "… able to
    work, something many are not allowed to do"). On the development set 4 spans grew by
    a condition and 3 by a noun phrase, each to the annotated one; the split rest took
    recall_indirect from 0.388 to 0.390 and 7 rows fewer lay outside every annotation."""
    doc, end = verb.doc, clause.right_edge.i
    starts = {end + 1, end + 2} if end + 1 < len(doc) and doc[end + 1].text in DASHES else {end + 1}
    for child in verb.children:
        first = doc[child.left_edge.i]
        if child.dep_ == "advcl" and child.left_edge.i in starts and first.lower_ in CONDITIONS:
            return list(doc[end + 1 : child.right_edge.i + 1])
        split_rest = child.left_edge.i == end + 1 or (
            child.left_edge.i == end + 2 and doc[end + 1].text == ","
        )
        if child.dep_ == "ccomp" and split_rest and first.lower_ != "that" and ends_sentence(child):
            return list(doc[end + 1 : child.right_edge.i + 1])
        if (
            child.dep_ == "npadvmod"
            and child.left_edge.i == end + 2
            and doc[end + 1].text == ","
            and ends_sentence(child)
        ):
            return list(doc[end + 1 : child.right_edge.i + 1])
    return []


def ends_sentence(phrase):
    """Whether phrase is the last of its sentence: a noun phrase that closes the
    reported clause after a comma ("… on Tuesday, the first time they had met")
    belongs to it, where one followed by more of the sentence may not."""
    after = phrase.right_edge.i + 1
    return after >= len(phrase.doc) or phrase.doc[after].text in (".", "!", "?")


def shown(verb):
    """What evidence shows through a participle with its own subject ("the poll
    shows Trump leading …"), or None. Its object alone ("the survey shows a small
    gap") is not taken: 72 of 94 such rows lay in an annotation."""
    for child in verb.children:
        participle = child.dep_ == "ccomp" and child.tag_ == "VBG" and child.i > verb.i
        if participle and any(c.dep_ == "nsubj" for c in child.children):
            return list(child.subtree)
    return None


def preposition_content(verb, prepositions):
    """What "called for", "pointed to", "talked about" take: the object of the
    preposition, with a following infinitive ("called on X to Y")."""
    prep = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions and c.i > verb.i), None
    )
    obj = prep and next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return None
    last = obj.right_edge
    after = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > last.i]
    if after:
        last = after[0].right_edge
    return list(verb.doc[obj.left_edge.i : last.i + 1])


def noun_report(noun):
    """ "X's claim that …", "his refusal to …", "her call for …": the clause or
    object of a content noun, said by whose it is."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in NO_SPEAKER:
        return None
    for child in noun.children:
        if (
            child.i > noun.i
            and child.dep_ in ("acl", "ccomp", "relcl")
            and any(c.dep_ in ("mark", "aux") and c.lower_ in ("that", "to") for c in child.children)
        ):
            return list(child.subtree), owner
        if child.i > noun.i and child.dep_ == "prep" and child.lower_ in ("for", "of", "on"):
            return [t for t in child.subtree if t.i > child.i], owner
    return None


def object_content(verb):
    """What a verb of judging or announcing takes: its object, with the
    reason or charge after it ("accused X of Y", "praised X for Y") or the
    purpose the parse hangs on the verb ("announced steps to tighten the rules")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    last = obj
    for child in verb.children:
        if child.i > obj.i and child.dep_ == "prep" and child.lower_ in ("of", "for", "as"):
            last = child
        purpose = child.dep_ == "xcomp" and verb.doc[child.left_edge.i].lower_ == "to"
        if purpose and child.left_edge.i == last.right_edge.i + 1:
            last = child
    return list(verb.doc[obj.left_edge.i : last.right_edge.i + 1])


def gerund_subject(child, verb):
    """Whether a gerund right after a reporting verb is the subject of the clause
    reported, which the parse hangs on the verb with the clause under it: "X said
    seeing so many officers at the quay was a welcome sight" ("seeing" -> "was")."""
    return (
        child.dep_ == "xcomp"
        and child.tag_ == "VBG"
        and child.left_edge.i == verb.i + 1
        and any(c.dep_ == "ccomp" and is_finite_clause(c) for c in child.children)
    )


def opened_by_that(clause, verb):
    """Whether a clause after its reporting verb opens with "that" ("X noted that
    the way states pick delegates works against him"): reported whatever the parse
    makes of its subject, which it misses in one such clause of ten or so."""
    return clause.i > verb.i and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def closed_by_cue(clause, verb):
    """Whether a clause before its reporting verb is closed by it, a comma
    between: "The port will close, Holm said." / "…, said Holm"."""
    last = clause.right_edge.i
    while last > clause.i and verb.doc[last].is_punct:
        last -= 1  # the parse may hang the closing comma on the clause
    between = list(verb.doc[last + 1 : verb.i])
    if not between or between[0].text not in (",", "—", "--"):
        return False
    subject = {t.i for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}
    return all(t.dep_ in CUE_WORDS or t.i in subject for t in between[1:])


def is_aside(verb):
    """Whether a reporting verb with no clause of its own is set off by commas in the
    finite clause it hangs on, inside it or closing it ("Bringing it back, he said,
    feels right." / "Prices will rise, she said."), or opens it after "as" ("As X
    said, prices will rise."): the parse hangs such a verb on the clause, as
    parataxis or an adverbial clause, instead of taking the clause as its complement,
    and, where a long title stands before the name, as the clause's own complement
    ("…, Public Safety Minister X announced Tuesday.")."""
    head, doc = verb.head, verb.doc
    closing_complement = verb.dep_ == "ccomp" and verb.i > head.i  # "…, X announced Tuesday."
    if (
        (verb.dep_ not in ("parataxis", "advcl") and not closing_complement)
        or not head.tag_.startswith("VB")
        or not is_finite_clause(head)
    ):
        return False
    children = list(verb.children)
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in children) or not any(
        c.dep_ == "nsubj" for c in children
    ):
        return False  # "…, saying it will": a participle whose subject is the clause's
    before, after = cue_commas(verb)
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        opening = doc[head.left_edge.i : verb.left_edge.i]  # "But as X said, …"
        return verb.i < head.i and all(t.dep_ in ("cc", "punct") for t in opening) and doc[after].text == ","
    if head.left_edge.i >= before or doc[before].text != ",":
        return False
    closes = all(t.is_punct for t in doc[after : head.right_edge.i + 1])
    return closes or (doc[after].text == "," and after < head.right_edge.i and not closing_complement)


def cue_commas(verb):
    """The token indexes of the commas around a cue's words: the parse hangs them on
    the verb or leaves them beside it."""
    doc, first, last = verb.doc, verb.left_edge.i, verb.right_edge.i
    return (first if doc[first].text == "," else first - 1), (last if doc[last].text == "," else last + 1)


def clause_around(verb):
    """The tokens of the clause a cue is set off in, less the cue and its commas."""
    before, after = cue_commas(verb)
    return [t for t in verb.head.subtree if not before <= t.i <= after]


def set_off(relative):
    """Whether a relative pronoun opens a clause set off by a comma, which says
    something of a noun already named ("Mr. X, who said …"), not one that picks out
    whom the noun means ("Republicans who agree that …": no one's statement, unless
    its verb says they said it, subject_of)."""
    return relative.i > 0 and relative.doc[relative.i - 1].text == ","


def subject_of(verb):
    """Who does what verb says: its own subject, else, for a participle or a
    second verb that has none ("X rejected it, saying …", "X spoke and added
    that …"), the subject of the verb it hangs on."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is not None and subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
        # "Mr. X, who said he …", "voters who say …": the noun it is about; but "those who
        # believe …" picks out whom the noun means, and says no one said it
        said = verb.lower_ in SPEECH_VERBS and verb.lower_ not in AGREEING
        return named(verb.head) if set_off(subject) or said else None
    infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    inherits = verb.dep_ == "conj" or (verb.dep_ in INHERITING and (verb.tag_ == "VBG" or infinitive))
    main = main_verb_of(verb) if subject is None else None
    if main is not None:
        return subject_of(main)  # "X dismissed claims that Y broke the law — saying …": X says
    if subject is None and inherits and verb.head.i != verb.i:
        head = verb.head
        if (
            verb.dep_ == "conj"
            and head.dep_ == "ccomp"
            and head.lower_ not in CUES
            and head.head.lower_ in CUES
        ):
            # "X said the party was not in crisis and urged …": the parse joins "urged"
            # to what X said, but a cue with no subject of its own is X's
            return subject_of(head.head)
        return subject_of(head)  # "Mr. X, who spoke and said …": the noun "who" is about
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i != verb.i:
        issuer = issuing_verb(verb)
        if issuer is not None and issuer.tag_.startswith("VB") and verb.lower_ not in EVIDENCE_VERBS:
            return subject_of(issuer)  # "X issued a statement saying …": X says it
        return verb.head  # "voters saying they want …", "X cited data showing …": they say it, it shows it
    preposition = verb.head
    if subject is None and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and preposition.lower_ in BY_SUBJECT:
        head = preposition.head
        return subject_of(head) if head.tag_.startswith("VB") and head.i != preposition.i else None
    return subject


def issuing_verb(participle):
    """The verb whose object a participle describes, whose subject says what the
    participle reports ("X issued a statement saying …": "issued"), or None."""
    noun = participle.head
    if (
        participle.dep_ == "acl"
        and participle.tag_ == "VBG"
        and noun.dep_ == "dobj"
        and noun.head.i != noun.i
    ):
        return noun.head
    return None


def named(noun):
    """The name a description stands beside, or noun itself: "Mr. X, a consultant and an
    activist who said …" is Mr. X's, not "an activist"'s."""
    head, path = noun, []
    while head.dep_ in ("appos", "conj") and head.head.i != head.i:
        path.append(head.dep_)
        head = head.head
    return head if "appos" in path else noun


def main_verb_of(participle):
    """The sentence's main verb, for a participle set off after a clause inside
    its object that the parse hangs it on: after a dash ("X dismissed claims that Y
    broke the law — saying …"), or after a comma closing a noun's content clause
    ("X rejected the idea that Y would lose, saying …"). Else None: after a comma
    elsewhere the nearest verb is as often the right one."""
    if participle.tag_ != "VBG" or participle.dep_ != "advcl" or participle.left_edge.i == 0:
        return None
    before = participle.doc[participle.left_edge.i - 1]
    mark = before.text if before.whitespace_ else ""  # not the hyphen of "re-evaluating"
    main, path = participle.head, []
    while main.dep_ in EMBEDDED and main.head.i != main.i:
        path.append(main.dep_)
        main = main.head
    separated = mark in DASHES or (mark == "," and "acl" in path)
    return main if separated and path and main.tag_.startswith("VB") else None


def set_off_participles(tokens):
    """The participles among tokens that go with the main verb (main_verb_of),
    whose words are another report's, not this one's."""
    return [t for t in tokens if main_verb_of(t) is not None]


def is_finite_clause(head):
    """A declarative clause: a subject before a tensed verb or modal ("the port
    would close", "there are signs"), not a participle or an infinitive ("Russia
    indicating …") nor a question."""
    children = list(head.children)
    # the parse sometimes hangs the subject on the auxiliary ("those emails were not
    # classified": "emails" under "were")
    auxiliaries = [c for c in children if c.dep_ in ("aux", "auxpass")]
    subjects = children + [g for a in auxiliaries for g in a.children]
    if not any(c.dep_ in CLAUSE_SUBJECTS and c.i < head.i for c in subjects):
        return False  # no subject, or one after its verb: a question ("are there signs …")
    return is_tensed(head)


def is_tensed(head):
    """Whether a verb or its auxiliary is tensed or modal ("would close", "closed"), not
    a participle or an infinitive."""
    auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    return head.tag_ in FINITE_TAGS or any(a.tag_ in FINITE_TAGS for a in auxiliaries)


def opening_end(token):
    """Where an opening "According to X," ends. The parse can hang the sentence's
    subject on X as an appositive ("According to the agency, roughly 40 percent of
    households lack …": "percent" under "agency"), so the phrase's subtree runs on
    into the clause with no comma to close it; the clause then starts at that
    appositive."""
    end = token.right_edge.i + 1
    if end >= token.sent.end or token.doc[end].is_punct or token.doc[end - 1].is_punct:
        return end
    node = token
    while node.n_rights:  # down the phrase's right edge to the outermost such appositive
        node = list(node.rights)[-1]
        if node.dep_ == "appos" and node.right_edge.i + 1 == end:
            return node.left_edge.i
    return end


def according_report(token):
    """ "According to X, …" / "…, according to X": the sentence it opens or closes,
    whatever the parse hangs it on (it scopes over the whole sentence; hung on a word
    of the last clause, the rest was lost); inside a sentence, the clause it hangs on,
    without it."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    sentence = token.sent
    if all(t.is_punct for t in token.doc[token.right_edge.i + 1 : sentence.end]):
        # "…, according to X.": the whole sentence before it, whatever the parse hung it on
        return list(token.doc[sentence.start : token.i]), source
    if all(t.is_punct or t.dep_ == "cc" for t in token.doc[sentence.start : token.i]):
        # "According to X, …": the whole sentence after it
        return list(token.doc[opening_end(token) : sentence.end]), source
    clause = token.head
    if clause.i == token.i or not clause.tag_.startswith("VB"):
        return None
    while clause.dep_ == "conj" and clause.head.tag_.startswith("VB"):
        clause = clause.head  # "A, but B, according to X": both clauses are X's
    skip = {t.i for t in token.subtree}
    return [t for t in clause.subtree if t.i not in skip], source
