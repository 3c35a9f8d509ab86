"""Speaker rows shared across articles: find or create the Speaker an
attribution names, and record the other names it goes by.

One outlet prints "Mr Stoltenberg", another "NATO chief Jens Stoltenberg": both
must reach one Speaker. Lookup order, each step only when the one before found
nothing: an alias or name equal to the name (case-insensitive; editors' merges
move aliases to the kept speaker, so this honours them); for a one-word name, the
one person whose name ends with it; for a full name, a person known so far only
by its surname, who then takes the full name (unless an editor edited it);
for a full name, a person known by its form without middle initials ("Peter
King" for "Peter T. King", quotes.text.name_forms), unless that person was also
printed with other initials ("George W. Bush" is not "George H. W. Bush": that
person takes back the fuller name). Otherwise a new Speaker. A form without
middle initials that two people with clashing initials share ("George Bush")
names neither: it becomes a Speaker of its own, for an editor to assign.
A person's name loses the place or party word a parse left at its front ("Texas
Ted Cruz"), and a person known by a fuller form takes the shorter one when an
article prints it ("Peter T. King" -> "Peter King"): outlets differ on middle
initials, and the shorter form is the one they share. Aliases recorded: the surname of a person, the forms
the article printed, the name without middle initials, and the role phrase,
which also becomes the description when there is none.

An alias an editor deleted is never added back.

A surname alone that two stored people share ("Murphy" for Mike and for Patrick
Murphy) names neither: it becomes (or finds) a Speaker of that one word, for an
editor to assign, as the form two people share does.

Limits: two people who share a surname and are only ever named by it meet in one
Speaker, as does a surname with the one person stored under it; a role phrase
never picks a speaker by itself.

Speed: a resolver serves one run. It reads every stored name, alias and deleted
alias once (`SpeakerIndex`), on the first name it has not met, and notes the rows it
writes itself; a lookup that the index says cannot match asks the database nothing,
and one that may match asks it as before, so the answers stay the database's
(most names in a run are new: a first extraction of the development set's first 100
articles made 26.1 queries per article, 17.5 with the index, nearly all of them writes). A speaker another process stores during
the run is not in the index: a name only it holds makes a new Speaker, unless the
same name's slug collides (create_speaker then finds it).
"""

from collections import defaultdict

from django.db import IntegrityError, transaction

from quotes.models import Speaker, SpeakerAlias
from quotes.text.name_forms import initials_clash, without_middle_initials, without_modifiers
from quotes.text.names import surname

NAME_LENGTH = Speaker._meta.get_field("name").max_length
DESCRIPTION_LENGTH = Speaker._meta.get_field("description").max_length
ALIAS_LENGTH = SpeakerAlias._meta.get_field("alias").max_length


class SpeakerResolver:
    """Finds Speakers for attributions, remembering answers for one run."""

    def __init__(self):
        self.known = {}
        self.index = None

    def speaker_for(self, attribution):
        """The Speaker row for an Attribution, created when new; None when the
        attribution names nobody."""
        if not attribution.name:
            return None
        name = attribution.name.strip()[:NAME_LENGTH]
        if attribution.kind == Speaker.Kind.PERSON:
            name = without_modifiers(name)
        key = (name.lower(), attribution.kind)
        index = self.stored()
        speaker = self.known.get(key)
        if speaker is None:
            speaker = (
                find_speaker(name, attribution.kind, index)
                or known_by_shorter_form(name, attribution.kind, index)
                or create_speaker(name, attribution.kind)
            )
            index.note_name(speaker.name)
            self.known[key] = speaker
            shorter = without_middle_initials(name)
            if shorter != name:  # the shorter form may name someone else now: look it up again
                self.known.pop((shorter.lower(), attribution.kind), None)
        old = speaker.name
        speaker = take_shorter_name(upgrade_name(speaker, name), name)
        if speaker.name != old:
            index.note_name(speaker.name)
            index.note_aliases(speaker, {old[:ALIAS_LENGTH]})
        self.remember(speaker, attribution)
        return speaker

    def stored(self):
        """The SpeakerIndex of this run, read on first use."""
        if self.index is None:
            self.index = SpeakerIndex()
        return self.index

    def remember(self, speaker, attribution):
        """Record the names the article used, and the role as description."""
        forms = set(attribution.forms) | {attribution.role}
        if speaker.kind == Speaker.Kind.PERSON and len(speaker.name.split()) > 1:
            forms |= {surname(speaker.name), without_middle_initials(speaker.name)}
        forms = {f.strip()[:ALIAS_LENGTH] for f in forms if f.strip() and f.strip() != speaker.name}
        index = self.stored()
        have = index.aliases[speaker.pk]
        if forms - have:
            SpeakerAlias.objects.bulk_create(
                [SpeakerAlias(speaker=speaker, alias=f) for f in sorted(forms - have)],
                ignore_conflicts=True,
            )
            index.note_aliases(speaker, forms)
        if attribution.role and not speaker.description and not speaker.edited_by_editor:
            speaker.description = attribution.role[:DESCRIPTION_LENGTH]
            speaker.save(update_fields=["description"])


def folded(text):
    """A key that any backend's case-insensitive match (iexact) of two texts keeps
    equal: SQLite folds ASCII only, PostgreSQL upper-cases each character."""
    return text.upper().lower()


class SpeakerIndex:
    """What the Speaker table may hold for a lookup, read in three queries: the
    folded names and aliases of every speaker (`names`), the folded last words of
    the names of more than one word (`endings`), and each speaker's aliases,
    stored or deleted by an editor (`aliases`, which extraction never adds back).
    A name not in it matches nothing stored; one in it may (the database says)."""

    def __init__(self):
        self.names = set()
        self.endings = set()
        self.aliases = defaultdict(set)
        for name in Speaker.objects.order_by().values_list("name", flat=True):
            self.note_name(name)
        stored = SpeakerAlias.objects.order_by().values_list("speaker_id", "alias")
        deleted = SpeakerAlias.history.filter(history_type="-").order_by().values_list("speaker_id", "alias")
        for pk, alias in [*stored, *deleted]:
            self.aliases[pk].add(alias)
            self.names.add(folded(alias))

    def note_name(self, name):
        self.names.add(folded(name))
        if " " in name:
            self.endings.add(folded(name.rsplit(" ", 1)[1]))

    def note_aliases(self, speaker, aliases):
        self.aliases[speaker.pk] |= aliases
        self.names |= {folded(alias) for alias in aliases}

    def may_name(self, name):
        return folded(name) in self.names

    def may_end(self, name):
        return folded(name) in self.endings


class Everything:
    """The index of a lookup that asks the database every time."""

    def may_name(self, name):
        return True

    def may_end(self, name):
        return True


EVERYTHING = Everything()


def create_speaker(name, kind):
    """A new Speaker; when another run created the same one a moment earlier
    (the unique slug says so), that one."""
    try:
        with transaction.atomic():
            return Speaker.objects.create(name=name, kind=kind)
    except IntegrityError:
        return find_speaker(name, kind) or Speaker.objects.create(name=name, kind=kind)


def find_speaker(name, kind, index=EVERYTHING):
    """The stored Speaker name stands for, or None; index spares the queries that
    cannot match."""
    if index.may_name(name):
        by_alias = list(alias_holders(name).order_by("pk"))
        by_name = Speaker.objects.filter(name__iexact=name).order_by("pk").first()
        if shared_by_two(name, by_alias) or (len(by_alias) > 1 and " " not in name):
            return by_name  # a surname two people share ("Murphy") names neither
        if by_alias:
            return by_alias[0]
        if by_name is not None:
            return by_name
    if kind != Speaker.Kind.PERSON:
        return None
    if len(name.split()) == 1:
        if not index.may_end(name):
            return None
        ending = list(Speaker.objects.filter(kind=kind, name__iendswith=" " + name)[:2])
        return ending[0] if len(ending) == 1 else None
    if not index.may_name(surname(name)):
        return None
    known = Speaker.objects.filter(kind=kind, name__iexact=surname(name)).order_by("pk").first()
    if known is not None and alias_holders(surname(name)).count() > 1:
        return None  # the surname's own Speaker stands for two people's quotes, not this one's
    return known


def alias_holders(alias):
    """The Speakers that hold alias (any case) among their aliases, each once."""
    return Speaker.objects.filter(aliases__alias__iexact=alias).distinct()


def upgrade_name(speaker, name):
    """A speaker known by a shorter form takes the full name it ends with."""
    if speaker.edited_by_editor or len(name) <= len(speaker.name):
        return speaker
    if speaker.kind != Speaker.Kind.PERSON or not name.lower().endswith(speaker.name.lower()):
        return speaker
    return rename(speaker, name)


def rename(speaker, name):
    """speaker takes name; the old name stays as an alias."""
    old = speaker.name
    speaker.name = name
    speaker.save(update_fields=["name"])
    SpeakerAlias.objects.get_or_create(speaker=speaker, alias=old[:ALIAS_LENGTH])
    return speaker


def known_by_shorter_form(name, kind, index=EVERYTHING):
    """The person known by name without its middle initials, if any."""
    shorter = without_middle_initials(name)
    if kind != Speaker.Kind.PERSON or shorter == name or not index.may_name(shorter):
        return None
    speaker = Speaker.objects.filter(kind=kind, name__iexact=shorter).order_by("pk").first()
    if speaker is None:
        return None
    other = sorted(a for a in speaker.aliases.values_list("alias", flat=True) if initials_clash(a, name))
    if not other:
        return speaker
    if not speaker.edited_by_editor:
        rename(speaker, other[0])  # the shorter form is no longer one person's
    return None


def shared_by_two(name, speakers):
    """Whether name is the form without middle initials of two of speakers whose
    initials clash ("George Bush" of "George W. Bush" and "George H. W. Bush"): it
    names neither."""
    fuller = [s.name for s in speakers if without_middle_initials(s.name).lower() == name.lower()]
    return any(initials_clash(a, b) for i, a in enumerate(fuller) for b in fuller[i + 1 :])


def take_shorter_name(speaker, name):
    """A person known by a fuller form takes name when name is that form without its
    middle initials (found through the alias remember() records)."""
    if speaker.edited_by_editor or speaker.kind != Speaker.Kind.PERSON or name == speaker.name:
        return speaker
    shorter = without_middle_initials(speaker.name)
    if shorter == speaker.name or shorter.lower() != name.lower():
        return speaker
    return rename(speaker, name)
