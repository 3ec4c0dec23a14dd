"""Calendar feeds: the public one and personal ones under a secret token. A feed holds only
what its holder may see (``accounts.access``); it is cached per content and answers a
conditional GET or HEAD (ETag or Last-Modified) with 304."""

import functools
import hashlib

from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kennisstad import __version__
from kennisstad.accounts import access, second_factor
from kennisstad.core import generations, municipality
from kennisstad.core.filters import id_param
from kennisstad.core.models import Theme

from .ical import calendar_bytes
from .models import Activity, ActivityKind, FeedToken

FEED_FILTERS = {
    "kind": "kind",
    "theme": "themes__slug",
    "country": "country",
    "organiser": "organiser_organisation_id",
}
ID_FILTERS = {"organiser"}


class FeedFilterError(ValueError):
    """A filter in the feed's address that cannot mean anything (``?organiser=abc``)."""


def _applied(params) -> list[tuple]:
    """The filters of ``params`` (a query or a token's stored filters) as sorted values, checked:
    they name the feed in its ETag before any activity is read."""
    applied = []
    for name in FEED_FILTERS:
        values = (
            [value for value in params.getlist(name) if value]
            if hasattr(params, "getlist")
            else ([params[name]] if params.get(name) else [])
        )
        if name in ID_FILTERS and values:
            ids = [id_param(value) for value in values]
            if None in ids:
                raise FeedFilterError(
                    _("%(name)s must be the number of a record.") % {"name": name}
                )
            values = ids
        elif values and hasattr(params, "getlist"):  # the address; a token's were checked
            values = _known_values(name, values)
        if values:
            applied.append((name, tuple(sorted(values))))
    return applied


def _known_values(name: str, values: list[str]) -> list[str]:
    """Only values a filter can mean: an activity kind, a country code (as stored: upper case),
    a theme that exists. Every accepted address names a cached feed body, so junk values
    (``?theme=<random>`` in a loop) are refused instead of filling the cache."""
    if name == "country":
        values = [value.upper() for value in values]
        known = {value for value in values if len(value) == 2 and value.isascii()}
        known &= {value for value in known if value.isalpha()}
    elif name == "kind":
        known = set(values) & set(ActivityKind.values)
    else:
        known = set(Theme.objects.filter(slug__in=values[:50]).values_list("slug", flat=True))
    if unknown := sorted(set(values) - known):
        raise FeedFilterError(
            _("%(name)s has no value %(value)s.") % {"name": name, "value": unknown[0][:60]}
        )
    return values


def _filtered(queryset, *applied_lists):
    for applied in applied_lists:
        for name, values in applied:
            queryset = queryset.filter(**{f"{FEED_FILTERS[name]}__in": values})
    return queryset.distinct() if any(applied_lists) else queryset


def _validators(request, *, name: str, scope: str) -> tuple[str, str, dict, int | None]:
    """The feed's fingerprint, language and caching headers (ETag, Last-Modified).

    From the calendar's generation, not an aggregate over the activities: a conditional GET
    then reads no activity at all (core.generations says what bumps it). The tag also names
    the release, so a new way of writing the feed is fetched once."""
    generation = generations.current(generations.CALENDAR)
    language = request.GET.get("lang", "nl") if request.GET.get("lang") in ("nl", "en") else "nl"
    fingerprint = hashlib.sha256(
        repr((scope, name, language, generation.token, __version__)).encode()
    ).hexdigest()[:32]
    headers = {"ETag": quote_etag(fingerprint), "Cache-Control": "private, max-age=300"}
    last_modified = int(generation.changed_at) or None
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified)
    return fingerprint, language, headers, last_modified


def _not_modified(request, headers: dict, last_modified: int | None):
    """RFC 9110 conditional requests: weak comparison, lists of tags and * for If-None-Match,
    If-Modified-Since when no tag is sent; 304 for GET and HEAD. None: send the feed."""
    conditional = get_conditional_response(
        request, etag=headers["ETag"], last_modified=last_modified
    )
    if conditional is not None:
        for header, value in headers.items():
            conditional[header] = value
    return conditional


def _feed_response(request, activities, *, name: str, scope: str) -> HttpResponse:
    """The feed of ``activities()`` (called only when the body is not in the cache)."""
    fingerprint, language, headers, last_modified = _validators(request, name=name, scope=scope)
    conditional = _not_modified(request, headers, last_modified)
    if conditional is not None:
        return conditional
    response = _from_cache(request, fingerprint, headers)
    if response is None:
        queryset = activities().order_by("starts_at", "pk")
        body = calendar_bytes(queryset, name=name, language=language)
        cache.set(f"kennisstad:feed:{fingerprint}", body, 3600)
        response = _from_cache(request, fingerprint, headers, body)
    return response


def _from_cache(request, fingerprint: str, headers: dict, body: bytes | None = None):
    """The feed's answer from its cached body (None when not cached)."""
    if body is None:
        body = cache.get(f"kennisstad:feed:{fingerprint}")
        if body is None:
            return None
    # HEAD: the headers of the GET, without its body.
    response = HttpResponse(
        b"" if request.method == "HEAD" else body, content_type="text/calendar; charset=utf-8"
    )
    for header, value in headers.items():
        response[header] = value
    response["Content-Length"] = str(len(body))
    response["Content-Disposition"] = 'inline; filename="kennisstad.ics"'
    return response


def _refusing_bad_filters(view):
    """A feed address with a filter that cannot mean anything gets a 400 saying which."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except FeedFilterError as exc:
            return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")

    return wrapped


@require_safe
@_refusing_bad_filters
def public_feed(request):
    """The public activities, for anyone (the portal's subscribe link)."""
    applied = _applied(request.GET)
    return _feed_response(
        request,
        lambda: _filtered(access.visible_activities(None, Activity.objects.all()), applied),
        name=municipality.current().site_name,
        scope=repr(("public", applied)),
    )


class PublicFeedMiddleware:
    """The public feed, polled by every subscribed calendar program, is answered from its
    cached body or with a 304 before sessions, CSRF, sign-in, messages and the content security
    policy are worked out for it: those took most of the time of such an answer, and none
    applies to a calendar file. Tags and bodies are the view's own (``_validators``,
    ``_from_cache``); a feed not in the cache, or a filter that means nothing, goes on to the
    view."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.path = ""

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            self.path = self.path or reverse("agenda:public-feed")
            if request.path_info == self.path:
                answer = self._answer(request)
                if answer is not None:
                    return answer
        return self.get_response(request)

    @staticmethod
    def _answer(request):
        try:
            applied = _applied(request.GET)
        except FeedFilterError:
            return None  # the view says what is wrong
        fingerprint, _, headers, last_modified = _validators(
            request, name=municipality.current().site_name, scope=repr(("public", applied))
        )
        conditional = _not_modified(request, headers, last_modified)
        if conditional is not None:
            return conditional
        return _from_cache(request, fingerprint, headers)


@require_safe
@_refusing_bad_filters
def personal_feed(request, token: str):
    """What the token's holder may see, with the filters stored on the token and in the URL."""
    feed = (
        FeedToken.objects.select_related("user")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )
    # A feed token stands in for a sign-in like an API token: an account that must have a
    # second factor (BIO) and has none gets nothing, as its API token would not work either.
    if feed is None or not feed.user.is_active or not second_factor.token_acceptable(feed.user):
        raise Http404
    stored, applied = _applied(feed.filters), _applied(request.GET)
    return _feed_response(
        request,
        lambda: _filtered(
            access.visible_activities(feed.user, Activity.objects.all()), stored, applied
        ),
        name=f"Kennisstad – {feed.name}",
        scope=repr(("token", feed.pk, feed.user.role, feed.user.organisation_id, stored, applied)),
    )
