"""web.links and {% link %}: the URL of a repeated link, reversed once and kept."""

from django.template import Context, Template
from django.urls import reverse, set_script_prefix

from web.links import url


def render(source, **context):
    return Template("{% load links %}" + source).render(Context(context))


def test_a_link_is_the_url_reverse_gives():
    assert render('{% link "web:outlet" slug %}', slug="the-harbour-post") == reverse(
        "web:outlet", args=["the-harbour-post"]
    )
    assert render('{% link "web:statement" 12 %}') == "/statements/12/"
    assert render('{% link "web:search" %}') == "/"


def test_a_link_kept_under_one_script_prefix_is_not_given_under_another():
    assert url("web:speaker", "ada-marlow") == "/speakers/ada-marlow/"
    set_script_prefix("/verbatim/")
    try:
        assert url("web:speaker", "ada-marlow") == "/verbatim/speakers/ada-marlow/"
    finally:
        set_script_prefix("/")
    assert url("web:speaker", "ada-marlow") == "/speakers/ada-marlow/"
