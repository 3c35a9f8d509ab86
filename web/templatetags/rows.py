"""`{% statement_row row %}`, `{% article_row article %}` and `{% drift_badge value label %}`
(web.row_html)."""

from django import template

from web.row_html import article_row_html, drift_badge_html, statement_row_html

register = template.Library()
register.simple_tag(statement_row_html, name="statement_row")
register.simple_tag(drift_badge_html, name="drift_badge")
register.simple_tag(article_row_html, name="article_row")
