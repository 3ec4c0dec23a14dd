"""Request-wide rules: ``?lang=en`` (or ``nl``) on any page chooses the language and remembers
it, so the municipality's own site can link straight to the English pages of the portal; a query
string with a NUL character is refused."""

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _


class QueryLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        language = request.GET.get("lang")
        if language not in self.languages:
            return self.get_response(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if not response.get("Content-Type", "").startswith("text/html"):
            return response  # a calendar feed's ?lang= is not a choice of interface language
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        return response


class PrivateNoStoreMiddleware:
    """Nothing shown to a logged-in user is kept in a browser's or proxy's cache: pages and API
    answers about people, contact moments and delegations are personal data, and the simplest
    safe rule is every response to a signed-in user. A response that already says how to cache
    it is left alone (the calendar feeds: ``private, max-age`` with their ETag and 304s; the
    personal-data export: ``no-store`` already). Anonymous pages (the portal) stay cacheable;
    static files are answered by WhiteNoise before this runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in and response.status_code != 304 and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


class RefuseNulInQueryMiddleware:
    """A NUL character in the query string (``?q=%00``) is never meant; PostgreSQL cannot even
    compare text with it (a ValueError in the driver, so a 500). Refuse it before any view
    reads ``request.GET``. Forms and the API already refuse NUL in submitted text."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or "\x00" in value for key, value in _query_items(request)):
            message = _("The address contains a NUL character.")
            if request.path.startswith("/api/"):  # the API's documented error shape
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _query_items(request):
    for key, values in request.GET.lists():
        for value in values:
            yield key, value
