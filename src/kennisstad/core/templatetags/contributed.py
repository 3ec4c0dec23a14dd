"""``{% contributed_actions "projects:project-detail" %}``: the buttons apps above this page's app
add to it (``core.contributions.page_actions``), for the signed-in user and the page's record."""

from typing import Any

from django import template

from kennisstad.core.contributions import actions_for

register = template.Library()


@register.inclusion_tag("core/_page_actions.html", takes_context=True)
def contributed_actions(context: template.Context, page: str) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"actions": actions_for(page, user, context.get("object"))}
