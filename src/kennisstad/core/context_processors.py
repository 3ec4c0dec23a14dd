"""Template context every page needs: the demo-data banner and the municipality (its name, logo
and the address of its theme stylesheet)."""

from django.core.cache import cache

from . import theme
from .models import DemoDataset
from .municipality import current

DEMO_CACHE_KEY = "kennisstad:demo-loaded"


def demo_loaded() -> bool:
    loaded = cache.get(DEMO_CACHE_KEY)
    if loaded is None:
        loaded = DemoDataset.objects.exists()
        cache.set(DEMO_CACHE_KEY, loaded, 60)
    return loaded


def site(request) -> dict:
    return {"demo_data": demo_loaded()}


def municipality(request) -> dict:
    municipality = current()  # reads the settings once per page
    return {"municipality": municipality, "theme_version": theme.version(municipality)}
