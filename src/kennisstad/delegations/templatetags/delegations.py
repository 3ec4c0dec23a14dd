"""``{% delegation_of activity %}`` on the activity page: a link to the visit's delegation, or an
offer to record one, as far as the viewer may see or create it."""

from django import template

from kennisstad.accounts import access
from kennisstad.delegations.models import DIRECTION_OF_KIND, Delegation

register = template.Library()


@register.inclusion_tag("delegations/_activity_delegation.html", takes_context=True)
def delegation_of(context, activity) -> dict:
    user = context["request"].user
    if activity.kind not in DIRECTION_OF_KIND:
        return {"show": False}
    delegation = access.visible_delegations(
        user, Delegation.objects.filter(activity=activity)
    ).first()
    return {
        "show": delegation is not None or access.can_create(user, "delegations.delegation"),
        "delegation": delegation,
        "activity": activity,
    }
