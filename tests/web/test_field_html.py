"""web.field_html: the search form's field groups, labels and inputs, as Django's templates
write them."""

import pytest
from django.forms.renderers import DjangoTemplates

from quotes.models import Statement
from web.field_html import FieldGroupsInPython
from web.filters import StatementFilter

SEARCHES = [
    {},
    {"speaker": 'Ada "the <b>" Marlow', "words": "harbour -storm", "match": "meaning", "sort": "newest"},
    {"said_from": "2024-03-05", "said_to": "2024-03-31", "meaning": "on", "fragments": "on"},
    {"outlet": "no-such-outlet", "drift": "unknown", "said_from": "not a date"},
    {"said_from": "2024-05-01", "said_to": "2024-01-01"},
]


def rendered(data, renderer):
    form = StatementFilter(data, queryset=Statement.objects.visible()).form
    form.renderer = renderer
    form.is_valid()
    return [str(form[name].as_field_group()) for name in form.fields] + [
        str(form[name].label_tag()) + str(form[name]) for name in form.fields
    ]


@pytest.mark.parametrize("data", SEARCHES)
def test_it_writes_what_djangos_templates_write(story, data):
    assert rendered(data, FieldGroupsInPython()) == rendered(data, DjangoTemplates())


def test_it_escapes_what_was_typed(story):
    html = "".join(rendered({"speaker": 'Ada "the <b>" Marlow'}, FieldGroupsInPython()))
    assert 'value="Ada &quot;the &lt;b&gt;&quot; Marlow"' in html
    assert "<b>" not in html
