"""`{% link "web:outlet" outlet.slug %}`: `{% url %}` remembered (web.links)."""

from django import template

from web.links import url

register = template.Library()
register.simple_tag(url, name="link")
