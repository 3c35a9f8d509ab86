"""Form widgets for the reader's search forms.

`ListSelect`: a <select> whose options are written in Python, to the same HTML as
Django's select.html. Django writes each option through two template includes
(select_option.html and attrs.html): the search form's list of outlets (60) took 2.4 ms
of every search page's CPU, the whole form 5.5 ms. The <select> itself, its attributes
and the field around it stay Django's templates.
"""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def attrs_html(attrs):
    """Attributes as Django's attrs.html writes them: in order, True bare, False left out."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def option_html(option):
    value, label = conditional_escape(str(option["value"])), conditional_escape(option["label"])
    # select_option.html ends with a newline, so each option is followed by one.
    return f'\n  <option value="{value}"{attrs_html(option["attrs"])}>{label}</option>\n'


def options_html(optgroups):
    """Options, in their groups where there are any, laid out as select.html lays them."""
    pieces = []
    for group_name, options, _ in optgroups:
        if group_name:
            pieces.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        pieces.extend(option_html(option) for option in options)
        if group_name:
            pieces.append("\n  </optgroup>")
    return mark_safe("".join(pieces))


class ListSelect(forms.Select):
    template_name = "web/widgets/select.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["options_html"] = options_html(context["widget"]["optgroups"])
        return context
