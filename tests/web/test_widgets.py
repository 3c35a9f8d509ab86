"""web.widgets.ListSelect: the same <select> Django writes, its options written in Python."""

from django import forms

from web.widgets import ListSelect

CHOICES = [
    ("", "Any outlet"),
    ("harbour-post", "The Harbour Post"),
    ("quay", "Quay & <Dock> News"),
    ("Wire services", [("north-wire", "North Wire"), ("south-wire", "South Wire")]),
]


def test_it_writes_the_select_django_writes():
    for value in ("", "quay", "south-wire", "unknown"):
        attrs = {"id": "id_outlet", "aria-describedby": "id_outlet_helptext", "required": True}
        django_html = forms.Select(choices=CHOICES).render("outlet", value, attrs)
        assert ListSelect(choices=CHOICES).render("outlet", value, attrs) == django_html


def test_it_marks_the_chosen_option_and_escapes_labels():
    html = ListSelect(choices=CHOICES).render("outlet", "quay")
    assert '<option value="quay" selected>Quay &amp; &lt;Dock&gt; News</option>' in html
    assert '<optgroup label="Wire services">' in html
