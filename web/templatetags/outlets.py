"""`{% fidelity_table_row row %}` and `{% outlet_chart_item row %}`: an outlet on the outlets
page (web.outlet_html)."""

from django import template

from web.outlet_html import fidelity_table_row, outlet_chart_item

register = template.Library()
register.simple_tag(fidelity_table_row, name="fidelity_table_row")
register.simple_tag(outlet_chart_item, name="outlet_chart_item")
