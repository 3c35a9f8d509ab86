"""The small word sets that extraction and attribution read: speech verbs and
reporting verbs, pronouns, honorifics, given names, titles, works, and the nouns
that name groups and bodies.

The dependency parse (quotes.text.parse) says which word is the subject of
which verb; these sets say which verbs report speech (SPEECH_VERBS cue a
quotation, REPORTING_VERBS = SPEECH_VERBS | BELIEF_VERBS take a reported
clause), which words are titles or roles, and which phrases are nobody named.
They are also what the word rules read where the parse gives nothing. Limits:
English only; a speech verb missing from SPEECH_VERBS is not a cue; a given name
missing from MALE_NAMES / FEMALE_NAMES tells no gender.
"""


def verb_forms(*bases):
    """The inflected forms of regular verbs: warn -> warn, warns, warned, warning."""
    forms = set()
    for base in bases:
        if base.endswith("e"):
            forms |= {base, base + "s", base + "d", base[:-1] + "ing"}
        elif base.endswith("y") and base[-2] not in "aeiou":
            forms |= {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
        elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
            forms |= {base, base + "es", base + "ed", base + "ing"}
        else:
            forms |= {base, base + "s", base + "ed", base + "ing"}
    return forms


SPEECH_VERBS = frozenset(
    verb_forms(
        "add",
        "warn",
        "proclaim",
        "muse",
        "yell",
        "elaborate",
        "beg",
        "object",
        "protest",
        "scoff",
        "chide",
        "mock",
        "taunt",
        "gush",
        "marvel",
        "opine",
        "stress",
        "insist",
        "explain",
        "note",
        "declare",
        "announce",
        "argue",
        "ask",
        "reply",
        "respond",
        "urge",
        "vow",
        "reveal",
        "acknowledge",
        "concede",
        "suggest",
        "describe",
        "express",
        "remark",
        "observe",
        "predict",
        "promise",
        "confirm",
        "deny",
        "accuse",
        "maintain",
        "emphasise",
        "emphasize",
        "highlight",
        "caution",
        "recall",
        "conclude",
        "continue",
        "agree",
        "hail",
        "welcome",
        "complain",
        "boast",
        "whisper",
        "shout",
        "scream",
        "plead",
        "assert",
        "allege",
        "repeat",
        "reiterate",
        "mention",
        "recount",
        "praise",
        "criticise",
        "criticize",
        "condemn",
        "exclaim",
        "assure",
        "advise",
        "inform",
        "recommend",
        "propose",
        "contend",
        "lament",
        "clarify",
        "underscore",
        "underline",
        "apprise",
    )
    # Words that are also nouns ("a claim", "the report") cue speech only as verbs.
    | {
        form
        for base in (
            "claim",
            "call",
            "comment",
            "tweet",
            "demand",
            "answer",
            "counter",
            "report",
            "label",
            "brand",
            "blast",
            "slam",
            "echo",
            "signal",
            "pledge",
            "estimate",
            "joke",
            "state",
            "bark",
            "growl",
            "sneer",
            "fume",
            "grumble",
        )
        for form in verb_forms(base) - {base, base + "s", base + "es"}
    }
    | {
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "telling",
        "write",
        "writes",
        "wrote",
        "written",
        "writing",
        "speak",
        "speaks",
        "spoke",
        "speaking",
        "admit",
        "admits",
        "admitted",
        "admitting",
        "regret",
        "regrets",
        "regretted",
        "quipped",
        "testified",
        "according",
        "posted",
        "posting",
        "laughed",
        "sighed",
        "shrugged",
        "smiled",
        "retorted",
        "interjected",
        "interjecting",
        "aver",
        "avers",
        "averred",
        "averring",
    }
)

# Verbs of belief, intention and evidence, and speech verbs that are also nouns
# ("a claim", "the report"): their clausal complement is what an attribution
# says ("X believes …", "the poll shows …", "X claimed …") though they cue no
# quotation by their printed form alone.
BELIEF_VERBS = frozenset(
    verb_forms(
        "believe",
        "expect",
        "hope",
        "fear",
        "worry",
        "guess",
        "speculate",
        "imply",
        "posit",
        "reason",
        "indicate",
        "show",
        "signal",
        "hint",
        "project",
        "estimate",
        "concur",
        "testify",
        "charge",
        "counter",
        "claim",
        "report",
        "state",
        "tweet",
        "point",
        "brag",
    )
    | {"think", "thinks", "thought", "thinking", "find", "finds", "found", "finding", "shown"}
    | {"forecast", "forecasts", "forecasted", "forecasting"}
)
# The verbs whose clausal complement quotes.text.reported reads as reported
# speech: every speech verb and every verb of belief or evidence. The parse must
# tag the word as a verb, so the noun forms here ("a claim") do no harm.
REPORTING_VERBS = (SPEECH_VERBS | BELIEF_VERBS) - {"according"}
# Verbs whose infinitive states what someone said they will do or others
# should: "X vowed to repeal it", "X urged voters to stay home". Not verbs of
# wanting, hoping or acting ("want", "hope", "seek", "decline to comment"): on the
# development set their infinitives were a fifth not attributions.
INTENT_VERBS = frozenset(
    verb_forms("vow", "pledge", "promise", "threaten", "urge", "agree", "propose", "intend", "demand", "ask")
    | {"plan", "plans", "planned", "planning"}
)
# Verbs whose object is what someone said or judged: "X announced a ban",
# "X criticized the plan", "X expressed concern that …". "express", "stress",
# "reveal" and "mention" added 80 rows on the development set, 70 in an annotation;
# "blast", "mock" and "slam" 28, 24 in one; "report" and "disclose" ("the company
# reported a loss") 16, 15 in one. Not "write", "post" or "tweet", whose
# object is as often the thing written as what it says ("wrote a letter"): 51 rows,
# 37 in an annotation.
OBJECT_VERBS = frozenset(
    verb_forms(
        "announce",
        "cite",
        "accuse",
        "defend",
        "criticize",
        "criticise",
        "describe",
        "praise",
        "dismiss",
        "endorse",
        "blame",
        "condemn",
        "deny",
        "reject",
        "question",
        "reiterate",
        "repeat",
        "predict",
        "demand",
        "acknowledge",
        "propose",
        "recall",
        "tout",
        "promise",
        "express",
        "stress",
        "reveal",
        "mention",
        "blast",
        "mock",
        "slam",
        "report",
        "disclose",
    )
)
# Verbs that report through a preposition: what its object names is what was
# said ("X called for a ban", "X talked about jobs", "X spoke of the need to …",
# "X asked about the cost": on the development set 26 of 30 such rows of "speak"
# and "ask" lay in an annotation). Not "pointed to", "referred to": a third of
# their objects were things shown or named, not said.
PREPOSITION_VERBS = {
    **dict.fromkeys(verb_forms("call"), ("for", "on")),
    **dict.fromkeys(verb_forms("talk"), ("about",)),
    **dict.fromkeys(verb_forms("warn"), ("of", "about", "against")),
    **dict.fromkeys(verb_forms("boast"), ("of", "about")),
    **dict.fromkeys(verb_forms("complain"), ("about",)),
    **dict.fromkeys(verb_forms("speak") | {"spoke", "spoken"}, ("about", "of")),
    **dict.fromkeys(verb_forms("ask"), ("about",)),
}
# Verbs that say what someone called something: "X called the plan a disaster".
NAMING_VERBS = frozenset(
    verb_forms("call", "label", "brand") | {"labelled", "labelling", "dub", "dubs", "dubbed", "dubbing"}
)
# Nouns whose clause is what someone said or decided, given whose it is:
# "X's claim that …", "his refusal to …", "her call for …". The calls, demands,
# proposals, warnings, criticism, suggestions and insistence added 46 rows on the
# development set, 42 in an annotation; not "plan" (21 of 30: "his plan to" is as often
# a plan no one announced).
CONTENT_NOUNS = frozenset(
    """claim claims assertion assertions argument promise promises pledge vow
    refusal decision call calls demand demands proposal proposals warning warnings
    criticism suggestion suggestions insistence""".split()
)
# Verbs besides reporting verbs whose object, infinitive or predicate is what was said
# (quotes.text.reported reads each its own way).
CUE_VERBS = INTENT_VERBS | OBJECT_VERBS | PREPOSITION_VERBS.keys() | NAMING_VERBS
# Words besides reporting verbs that cue reported content (parse.worth_parsing).
CUE_WORDS = CUE_VERBS | CONTENT_NOUNS | {"according"}

# Verbs that only cue speech with their particle: "pointed out", "called on".
SPEECH_PARTICLES = {
    "point": "out",
    "points": "out",
    "pointed": "out",
    "pointing": "out",
    "put": "it",  # "as X put it"
    "puts": "it",
    "putting": "it",
}

PERSON_PRONOUNS = frozenset({"he", "she"})
BE_FORMS = frozenset("is was were are be been being am".split())
# The words by which an article's own writer or reader stands in a sentence.
NARRATORS = frozenset({"i", "me", "you", "we", "us"})
# Common English given names whose bearers are mostly of one gender (the most
# frequent given names of the last seventy years), so "he" and "she" can pass
# over a person of the other gender. A name missing here says nothing.
MALE_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles
    christopher daniel matthew anthony mark donald steven paul andrew joshua
    kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob
    gary nicholas eric jonathan stephen larry justin scott brandon benjamin
    samuel gregory alexander frank patrick raymond jack dennis jerry tyler
    aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy
    walter christian keith roger terry austin sean gerald carl harold dylan
    arthur lawrence jordan jesse bryan billy bruce gabriel joe logan albert
    willie alan eugene russell vincent philip bobby johnny bradley roy ralph
    louis mike bill bob jim tom tim steve dan ben ian neil""".split()
)
FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen
    lisa nancy betty margaret sandra ashley kimberly emily donna michelle
    carol amanda dorothy melissa deborah stephanie rebecca sharon laura
    cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen
    samantha katherine christine debra rachel carolyn janet catherine maria
    heather diane ruth julie olivia joyce virginia victoria kelly lauren
    christina joan evelyn judith megan andrea cheryl hannah jacqueline martha
    gloria teresa ann sara madison frances kathryn janice jean abigail alice
    judy sophia grace denise amber doris marilyn danielle beverly isabella
    theresa diana natalie brittany charlotte marie kayla alexis lori kate
    jane claire""".split()
)
# Either: a word that opens a person's name.
GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES
GROUP_PRONOUNS = frozenset({"they", "we", "it"})

HONORIFICS = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady sen sen.
    rep rep. gov gov. gen gen. col col. capt capt. lt lt. sgt sgt. rev rev.
    maj maj. adm adm. cmdr cmdr. cpl cpl. const const. det det. insp insp.
    supt supt. coun coun. cllr cllr. hon hon. atty atty. amb amb. pres pres. asst asst.
    mx mx. herr frau monsieur madame baroness sens sens. reps reps. govs govs.""".split()
)

# Titles a person is addressed by after an honorific ("Mr. President", "Mr Speaker"):
# any other title word alone after an honorific is a surname ("Ms Constable", "Mr. King").
ADDRESS_TITLES = frozenset(
    """president vice-president speaker chairman chairwoman chair chairperson secretary
    mayor ambassador minister premier governor commissioner chancellor senator
    treasurer""".split()
)

# Words of a title or role printed before or after a name ("Defence Secretary",
# "NATO chief", "spokesman"). A capitalised run stops being a name at the last
# of these: "Russian Foreign Minister Sergei Lavrov" -> "Sergei Lavrov".
TITLE_WORDS = frozenset(
    """minister ministers secretary secretary-general general president
    vice-president chancellor prime premier chief leader head spokesman
    spokeswoman spokesperson commander ambassador envoy governor mayor senator
    congressman congresswoman representative director chairman chairwoman chair
    ceo cfo founder official officer deputy vice foreign defence defense home
    interior finance health justice state king queen prince princess emperor
    pope cardinal archbishop bishop judge justice attorney general admiral
    captain colonel lieutenant sergeant major marshal councillor mp mep mpp mla
    mha mna msp mlc lawmaker
    spokesmen adviser advisor aide analyst expert professor economist coach
    manager captain striker boss presenter correspondent editor author lawyer
    counsel negotiator diplomat commissioner inspector superintendent constable
    detective sheriff chancellor-elect president-elect former acting interim
    incoming outgoing shadow speaker majority minority whip strategist
    consultant pollster columnist commentator host anchor reporter
    pastor rabbi imam reverend chaplain nominee candidate front-runner
    frontrunner challenger incumbent donor activist organizer organiser
    campaigner publisher historian researcher scientist doctor surgeon
    co-host co-founder co-chair co-author sen. rep. gov. delegate resident
    owner student nurse engineer veteran
    trustee councilor councilman councilwoman alderman assemblyman
    assemblywoman legislator physician psychologist sociologist demographer
    scholar lecturer executive administrator coordinator producer actor
    actress comedian writer journalist blogger broadcaster pilot
    prosecutor investigator teacher principal worker witness neighbour neighbor
    colleague wife husband mother father chef clerk treasurer auditor ombudsman
    coroner firefighter paramedic chairperson mediator regulator forecaster
    meteorologist epidemiologist virologist harbourmaster harbormaster master
    supervisor employee farmer officer-in-charge
    defenceman defenseman defender goaltender goalie goalkeeper midfielder
    winger quarterback linebacker pitcher catcher shortstop outfielder infielder""".split()
)
# Title words that modify another ("Foreign Minister", "former senator") and
# have no plural as a title: "United States" is no title.
TITLE_MODIFIERS = frozenset(
    """state foreign defence defense home interior finance health justice
    former acting interim incoming outgoing shadow majority minority vice
    major""".split()
)
# The plural of a title before names ("Senators Rubio and Cruz"): a title, and
# the name after it is one person's. Alone, it names people (names.mention_of: a
# group), not one person ("aides said").
TITLE_PLURALS = frozenset(
    {word + "s" for word in TITLE_WORDS - TITLE_MODIFIERS if word.isalpha() and not word.endswith("s")}
    | {"ministers", "spokesmen"}
)
TITLE_WORDS = TITLE_WORDS | TITLE_PLURALS

# Words that open a phrase for someone unnamed ("a senior official", "officials").
INDEFINITE_WORDS = frozenset("a an one another some several many most two three four five few other".split())
# Roles that, after "his" or "her", name someone else than the antecedent.
SUBORDINATE_ROLES = frozenset(
    """spokesman spokeswoman spokesperson aide adviser advisor lawyer attorney
    deputy assistant counsel envoy""".split()
)

# Nouns for a person that news leaves unnamed ("a Treasury source", "a Trump ally",
# "a person familiar with the talks"): no title, so not in TITLE_WORDS, where they
# would split names ("Ally", "Friend").
SOURCE_NOUNS = frozenset(
    """source person ally insider friend confidant associate supporter surrogate
    loyalist backer operative staffer member man woman""".split()
)

# Head nouns of a speaker that is a body or a group ("the Foreign Office",
# "the ministers"). Plural people make a group, institutions an organisation;
# places, events and papers in ORGANISATION_NOUNS also keep a capitalised
# phrase from being taken for a person ("Cold War", "Black Sea").
GROUP_NOUNS = frozenset(
    """ministers officials leaders allies members diplomats lawmakers protesters
    campaigners experts analysts scientists researchers doctors residents
    workers unions authorities investigators police prosecutors officers
    troops soldiers spokespeople sources critics activists organisers
    organizers judges commanders governments countries nations states
    citizens voters witnesses""".split()
)
ORGANISATION_NOUNS = frozenset(
    """office ministry department government kremlin alliance council commission
    committee agency service services union party court parliament congress
    senate house bank company firm group organisation organization association convention
    federation board authority army navy police embassy administration cabinet
    spokesman's secretariat presidency regime opposition federation institute
    foundation charity campaign fund nato un eu who times news herald guardian
    journal telegraph express review magazine network channel tv radio agency
    war sea ocean river lake street road avenue square city county state states
    island islands mountains valley week cup league games olympics prize award
    act bill treaty agreement accord summit conference festival university
    college school hospital airport station palace centre center museum stadium
    index exchange market peninsula strait gulf coast border region province
    republic kingdom union empire mosque temple""".split()
)

# Words that are capitalised but name no speaker: days, months, sentence starters.
NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december the a
    an but and or yet so however meanwhile earlier later asked speaking in on
    at for of to with from by after before during while when if as it this
    that these those there here what why how who where which his her their
    its our my your he she they we i you also then still now even despite
    although though since until unless because according one two three four
    five six seven eight nine ten some many several all both each every no none
    other another thousands hundreds dozens millions""".split()
)

# Words capitalised only because they open a sentence, that begin no name:
# "Following X, …", "Maybe X said": adverbs and participles that open clauses.
OPENING_WORDS = frozenset(
    """following including regarding concerning considering excluding maybe
    perhaps reportedly apparently allegedly notably presumably clearly
    obviously surely certainly indeed instead besides otherwise ultimately
    initially finally recently currently speaking celebrating""".split()
)

# Paragraph openings that mark links and boilerplate, not reporting.
LINK_LABELS = (
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "more:",
    "watch:",
    "listen:",
    "click here",
    "sign up",
    "follow us",
    "recommended",
    "you might also like",
    "you may also like",
    "most read",
    "trending",
)

# Words right before a quoted phrase that make it a name or title, not speech.
TITLE_CUES = frozenset(
    """so-called dubbed titled entitled nicknamed named codenamed hashtag
    slogan film book song album novel series show programme program play
    documentary podcast headline term word phrase motto nickname pseudonym
    moniker drama thriller comedy sitcom musical memoir column newsletter blog
    editorial essay poem opera""".split()
)

# Who makes a work, before "of" and a quoted title: "host of “…”", "author of “…”".
WORK_MAKERS = frozenset(
    """host co-host hosts author co-author authors star stars co-star creator
    creators director producer writer editor anchor presenter publisher
    composer""".split()
)
# Works named by a quoted title before them: "the “…” program", "her “…” tour".
WORK_NOUNS = frozenset(
    """film movie book song album novel series show programme program play
    documentary podcast sitcom musical memoir tour broadcast episode""".split()
)

# Nouns that report speech ("his statement", "the demand", "claims").
SPEECH_NOUNS = frozenset(
    """statement statements remarks words message demand demands claims claim
    comments comment speech interview address warning warnings pledge promise
    insistence description assessment reaction response letter tweet post
    announcement briefing conference""".split()
)
