"""`{% fidelity_chart chart id name %}` and `{% drift_bar shares %}`: the outlet pages' SVG
charts (web.chart_html)."""

from django import template

from web.chart_html import drift_bar_svg, fidelity_svg

register = template.Library()
register.simple_tag(fidelity_svg, name="fidelity_chart")
register.simple_tag(drift_bar_svg, name="drift_bar")
