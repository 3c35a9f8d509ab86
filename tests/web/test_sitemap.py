"""The sitemap lists every page a reader can reach, through get_absolute_url."""

import re

import pytest


def locations(response):
    return [
        url.removeprefix("http://testserver").removeprefix("http://example.com")
        for url in re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    ]


def test_the_index_names_each_section(client, story):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert sorted(re.sub(r".*/sitemap-(\w+)\.xml", r"\1", url) for url in locations(response)) == [
        "articles",
        "outlets",
        "speakers",
        "statements",
    ]


@pytest.mark.parametrize("section", ["statements", "articles", "speakers", "outlets"])
def test_each_section_links_pages_that_load(client, story, section):
    response = client.get(f"/sitemap-{section}.xml")
    assert response.status_code == 200
    assert locations(response)
    for url in locations(response):
        assert client.get(url).status_code == 200, url


def test_a_statement_with_only_hidden_quotes_is_not_listed(client, story):
    listed = locations(client.get("/sitemap-statements.xml"))
    assert story.sign.get_absolute_url() not in listed
    assert story.reopen.get_absolute_url() in listed
