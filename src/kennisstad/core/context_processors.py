"""Template context every page needs: the demo-data banner and the user's capabilities."""

from django.core.cache import cache

from kennisstad.accounts import access

from .models import DemoDataset

DEMO_CACHE_KEY = "kennisstad:demo-loaded"


def demo_loaded() -> bool:
    loaded = cache.get(DEMO_CACHE_KEY)
    if loaded is None:
        loaded = DemoDataset.objects.exists()
        cache.set(DEMO_CACHE_KEY, loaded, 60)
    return loaded


def site(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "demo_data": demo_loaded(),
        "user_is_team": access.is_team(user),
        "user_is_partner": access.is_partner(user),
        "user_can_configure": access.can_configure(user),
        "user_can_use_registry": access.can_use_registry(user),
    }
