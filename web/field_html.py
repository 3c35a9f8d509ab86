"""The search form's field groups, labels and text, date and tick-box inputs written in
Python.

In: what Django's form renderer is asked to render: a field group
("django/forms/field.html"), a label ("django/forms/label.html") or an <input> widget
(text, date, checkbox: each includes "django/forms/widgets/input.html"). Out: the same
HTML those templates write, byte for byte, as Django's renderer returns it (stripped);
a field shown in a fieldset, and every other template, are left to Django's templates.

Why: each search page renders eight field groups, ten labels and six inputs, and the
template engine's work around them (looking up the field's label, help text, id and
fieldset flag, including attrs.html, escaping through filters) took most of the form's
cost: 3.5-3.8 -> 2.15 ms of CPU per search page for the form's fields, about a tenth of the
home page's CPU at 100,000 quotes. Values are escaped as the templates escape them: text
that is not marked safe (web.widgets.attrs_html writes attributes as attrs.html does).
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from web.widgets import attrs_html

FIELD_TEMPLATE = "django/forms/field.html"
LABEL_TEMPLATE = "django/forms/label.html"
INPUT_TEMPLATES = {f"django/forms/widgets/{kind}.html" for kind in ("input", "text", "date", "checkbox")}


def field_group_html(field):
    """field.html for a field without a fieldset."""
    label = field.label_tag() if field.label else ""
    help_text = ""
    if field.help_text:
        auto_id = f' id="{conditional_escape(field.auto_id)}_helptext"' if field.auto_id else ""
        help_text = f'<div class="helptext"{auto_id}>{field.help_text}</div>'
    errors = str(field.errors) if field.errors else ""  # an empty list's template writes nothing
    return f"\n  {label}\n\n{help_text}\n{errors}\n{field}\n"


def label_html(context):
    """label.html: the label text, in its tag with its attributes when the field has an id."""
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return label
    tag = conditional_escape(context["tag"])
    return f"<{tag}{attrs_html(context['attrs'] or {})}>{label}</{tag}>"


def input_html(widget):
    """input.html: type, name, the value unless it is None, then the attributes."""
    value = "" if widget["value"] is None else f' value="{conditional_escape(str(widget["value"]))}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f"{value}{attrs_html(widget['attrs'])}>"
    )


class FieldGroupsInPython(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name == FIELD_TEMPLATE and not context["field"].use_fieldset:
            html = field_group_html(context["field"])
        elif template_name == LABEL_TEMPLATE:
            html = label_html(context)
        elif template_name in INPUT_TEMPLATES:
            html = input_html(context["widget"])
        else:
            return super().render(template_name, context, request)
        return mark_safe(html.strip())
