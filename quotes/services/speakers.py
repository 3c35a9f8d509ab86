"""Speaker rows shared across articles: find or create the Speaker an
attribution names, and record the other names it goes by.

One outlet prints "Mr Stoltenberg", another "NATO chief Jens Stoltenberg": both
must reach one Speaker. Lookup order, each step only when the one before found
nothing: an alias or name equal to the name (case-insensitive; editors' merges
move aliases to the kept speaker, so this honours them); for a one-word name, the
one person whose name ends with it; for a full name, a person known so far only
by its surname, who then takes the full name (unless an editor edited it);
for a full name, a person known by its form without middle initials ("Peter
King" for "Peter T. King", quotes.text.name_forms). Otherwise a new Speaker.
A person's name loses the place or party word a parse left at its front ("Texas
Ted Cruz"), and a person known by a fuller form takes the shorter one when an
article prints it ("Peter T. King" -> "Peter King"): outlets differ on middle
initials, and the shorter form is the one they share. Aliases recorded: the surname of a person, the forms
the article printed, the name without middle initials, and the role phrase,
which also becomes the description when there is none.

An alias an editor deleted is never added back.

Limits: two people who share a surname and are only ever named by it meet in one
Speaker; a role phrase never picks a speaker by itself.
"""

from django.db import IntegrityError, transaction

from quotes.models import Speaker, SpeakerAlias
from quotes.text.name_forms import without_middle_initials, without_modifiers
from quotes.text.names import surname

NAME_LENGTH = Speaker._meta.get_field("name").max_length
DESCRIPTION_LENGTH = Speaker._meta.get_field("description").max_length
ALIAS_LENGTH = SpeakerAlias._meta.get_field("alias").max_length


class SpeakerResolver:
    """Finds Speakers for attributions, remembering answers for one run."""

    def __init__(self):
        self.known = {}
        self.aliases = {}

    def speaker_for(self, attribution):
        """The Speaker row for an Attribution, created when new; None when the
        attribution names nobody."""
        if not attribution.name:
            return None
        name = attribution.name.strip()[:NAME_LENGTH]
        if attribution.kind == Speaker.Kind.PERSON:
            name = without_modifiers(name)
        key = (name.lower(), attribution.kind)
        speaker = self.known.get(key)
        if speaker is None:
            speaker = (
                find_speaker(name, attribution.kind)
                or known_by_shorter_form(name, attribution.kind)
                or create_speaker(name, attribution.kind)
            )
            self.known[key] = speaker
        speaker = take_shorter_name(upgrade_name(speaker, name), name)
        self.remember(speaker, attribution)
        return speaker

    def remember(self, speaker, attribution):
        """Record the names the article used, and the role as description."""
        forms = set(attribution.forms) | {attribution.role}
        if speaker.kind == Speaker.Kind.PERSON and len(speaker.name.split()) > 1:
            forms |= {surname(speaker.name), without_middle_initials(speaker.name)}
        forms = {f.strip()[:ALIAS_LENGTH] for f in forms if f.strip() and f.strip() != speaker.name}
        have = self.aliases.get(speaker.pk)
        if have is None:
            have = set(SpeakerAlias.objects.filter(speaker=speaker).values_list("alias", flat=True))
            have |= deleted_aliases(speaker)
            self.aliases[speaker.pk] = have
        if forms - have:
            SpeakerAlias.objects.bulk_create(
                [SpeakerAlias(speaker=speaker, alias=f) for f in sorted(forms - have)],
                ignore_conflicts=True,
            )
            have |= forms
        if attribution.role and not speaker.description and not speaker.edited_by_editor:
            speaker.description = attribution.role[:DESCRIPTION_LENGTH]
            speaker.save(update_fields=["description"])


def deleted_aliases(speaker):
    """Aliases an editor deleted from speaker (extraction never deletes one):
    they are not added back."""
    return set(
        SpeakerAlias.history.filter(speaker_id=speaker.pk, history_type="-").values_list("alias", flat=True)
    )


def create_speaker(name, kind):
    """A new Speaker; when another run created the same one a moment earlier
    (the unique slug says so), that one."""
    try:
        with transaction.atomic():
            return Speaker.objects.create(name=name, kind=kind)
    except IntegrityError:
        return find_speaker(name, kind) or Speaker.objects.create(name=name, kind=kind)


def find_speaker(name, kind):
    by_alias = Speaker.objects.filter(aliases__alias__iexact=name).order_by("pk").first()
    if by_alias is not None:
        return by_alias
    by_name = Speaker.objects.filter(name__iexact=name).order_by("pk").first()
    if by_name is not None:
        return by_name
    if kind != Speaker.Kind.PERSON:
        return None
    if len(name.split()) == 1:
        ending = list(Speaker.objects.filter(kind=kind, name__iendswith=" " + name)[:2])
        return ending[0] if len(ending) == 1 else None
    return Speaker.objects.filter(kind=kind, name__iexact=surname(name)).order_by("pk").first()


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


def known_by_shorter_form(name, kind):
    """The person known by name without its middle initials, if any."""
    shorter = without_middle_initials(name)
    if kind != Speaker.Kind.PERSON or shorter == name:
        return None
    return Speaker.objects.filter(kind=kind, name__iexact=shorter).order_by("pk").first()


def take_shorter_name(speaker, name):
    """A person known by a fuller form takes name when name is that form without its
    middle initials (found through the alias remember() records)."""
    if speaker.edited_by_editor or speaker.kind != Speaker.Kind.PERSON or name == speaker.name:
        return speaker
    shorter = without_middle_initials(speaker.name)
    if shorter == speaker.name or shorter.lower() != name.lower():
        return speaker
    return rename(speaker, name)
