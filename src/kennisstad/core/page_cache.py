"""Public pages for anonymous visitors from the cache: rendering the portal's home page cost
30 ms of CPU, so it served about a hundred visitors a second.

A page is kept per address, language, host, the ``pages`` generation (``core.generations``: any
committed change gives new keys), the release and the templates, and for at most
``PUBLIC_PAGE_CACHE_SECONDS`` (the home page's "coming activities" move with the clock).
Only a request that cannot be anyone's own page is answered from it or stored: GET or HEAD
without a session or messages cookie and without an Authorization header, so no signed-in user,
no flash message and no API client ever gets or leaves a cached page. The language form's CSRF
token is stored as a placeholder and each answer gets a token of its own, as a render would
give it; a page that used the CSP nonce, set a cookie or said it is private is never stored.
"""

import functools
import hashlib
import time
from pathlib import Path

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac

from kennisstad import __version__

from . import generations, municipality

# Only addresses whose number is bounded are kept: the plain page, its language and its page
# number. A filtered list (``?theme=``, ``?country=``) is rendered each time: its values come
# from the visitor, and every junk value would otherwise be a page in the cache.
LANGUAGES = {"nl", "en"}
MAX_PAGE_DIGITS = 4


@functools.cache
def _placeholder() -> str:
    # Derived from the secret key, so no text an editor writes can be mistaken for it.
    return "csrf" + salted_hmac("kennisstad.page_cache", "csrf").hexdigest()[:28]


@functools.cache
def _build() -> str:
    """The release, the municipality's settings and the newest template: a changed template or
    setting never shows an old page, also when several servers share the cache."""
    package = Path(__file__).resolve().parents[1]
    newest = max((path.stat().st_mtime for path in package.rglob("*.html")), default=0)
    return repr((__version__, municipality.current(), newest, settings.SITE_URL))


def _cacheable(request) -> bool:
    seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
    return (
        seconds > 0
        and not settings.DEBUG
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and _bounded_query(request.GET)
    )


def _bounded_query(query) -> bool:
    if not set(query) <= {"lang", "page"} or any(len(values) > 1 for _, values in query.lists()):
        return False
    page = query.get("page")
    if page is not None and not (page.isdigit() and len(page) <= MAX_PAGE_DIGITS):
        return False
    return query.get("lang", "nl") in LANGUAGES


def _key(request) -> str:
    seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
    parts = (
        request.path,
        sorted(request.GET.lists()),
        translation.get_language(),
        request.scheme,
        request.get_host(),
        generations.current(generations.PAGES).token,
        int(time.time() // seconds),
        _build(),
    )
    return "kennisstad:page:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def _storable(request, response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and getattr(request, "_csp_nonce", None) is None
        and "private" not in control
        and "no-store" not in control
    )


def _with_token(request, response):
    """The page with this request's own CSRF token in place of the placeholder."""
    response.content = response.content.replace(
        _placeholder().encode(), get_token(request).encode()
    )
    patch_vary_headers(response, ("Cookie",))
    return response


def anonymous_page(view):
    """Serve ``view``'s page to anonymous visitors from the cache (see the module)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            return _with_token(request, HttpResponse(content, content_type=content_type))
        response = view(request, *args, **kwargs)
        if not isinstance(response, TemplateResponse) or response.is_rendered:
            return response
        response.context_data = {**(response.context_data or {}), "csrf_token": _placeholder()}
        response.render()
        if _storable(request, response):
            stored = (response.content, response["Content-Type"])
            cache.set(key, stored, settings.PUBLIC_PAGE_CACHE_SECONDS)
        return _with_token(request, response)

    return wrapped
