"""What the signed-in user may do, for the menus of every page."""

from . import access


def capabilities(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "user_is_team": access.is_team(user),
        "user_is_partner": access.is_partner(user),
        "user_can_configure": access.can_configure(user),
        "user_can_use_registry": access.can_use_registry(user),
    }
