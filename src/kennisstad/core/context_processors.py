"""Template context every page needs: the demo-data banner."""

from django.core.cache import cache

from .models import DemoDataset

DEMO_CACHE_KEY = "kennisstad:demo-loaded"


def demo_loaded() -> bool:
    loaded = cache.get(DEMO_CACHE_KEY)
    if loaded is None:
        loaded = DemoDataset.objects.exists()
        cache.set(DEMO_CACHE_KEY, loaded, 60)
    return loaded


def site(request) -> dict:
    return {"demo_data": demo_loaded()}
