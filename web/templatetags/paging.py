"""`{% page_query param number %}`: the current query string with one page parameter set.

Django's `{% querystring %}` takes parameter names only as literal keywords; a page that
pages two lists at once (an outlet's statements and its articles) needs the name to be a
variable, so one pagination template serves both.
"""

from django import template
from django.template.defaulttags import querystring

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, param, number):
    return querystring(context, **{param: number})
