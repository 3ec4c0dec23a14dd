"""Calendar feeds: the public one and personal ones under a secret token. A feed holds only
what its holder may see (``accounts.access``); it is cached per content and answers a
conditional GET with 304."""

import functools
import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseNotModified
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kennisstad.accounts import access
from kennisstad.core.filters import id_param

from .ical import calendar_bytes
from .models import Activity, FeedToken

FEED_FILTERS = {
    "kind": "kind",
    "theme": "themes__slug",
    "country": "country",
    "organiser": "organiser_organisation_id",
}
ID_FILTERS = {"organiser"}


class FeedFilterError(ValueError):
    """A filter in the feed's address that cannot mean anything (``?organiser=abc``)."""


def _filtered(queryset, params) -> tuple:
    applied = []
    for name, lookup in FEED_FILTERS.items():
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
        if values:
            queryset = queryset.filter(**{f"{lookup}__in": values})
            applied.append((name, tuple(sorted(values))))
    return queryset.distinct() if applied else queryset, applied


def _feed_response(request, queryset, *, name: str, scope: str) -> HttpResponse:
    stamp = queryset.aggregate(count=Count("pk"), changed=Max("updated_at"), newest=Max("pk"))
    language = request.GET.get("lang", "nl") if request.GET.get("lang") in ("nl", "en") else "nl"
    fingerprint = hashlib.sha256(
        repr((scope, language, stamp["count"], stamp["changed"], stamp["newest"])).encode()
    ).hexdigest()[:32]
    etag = quote_etag(fingerprint)
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return response
    key = f"kennisstad:feed:{fingerprint}"
    body = cache.get(key)
    if body is None:
        body = calendar_bytes(queryset.order_by("starts_at", "pk"), name=name, language=language)
        cache.set(key, body, 3600)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    if stamp["changed"]:
        response["Last-Modified"] = http_date(stamp["changed"].timestamp())
    response["Cache-Control"] = "private, max-age=300"
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


@require_GET
@_refusing_bad_filters
def public_feed(request):
    """The public activities, for anyone (the portal's subscribe link)."""
    queryset, applied = _filtered(
        access.visible_activities(None, Activity.objects.all()), request.GET
    )
    return _feed_response(
        request, queryset, name="Kennisstad Groningen", scope=repr(("public", applied))
    )


@require_GET
@_refusing_bad_filters
def personal_feed(request, token: str):
    """What the token's holder may see, with the filters stored on the token and in the URL."""
    feed = (
        FeedToken.objects.select_related("user")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )
    if feed is None or not feed.user.is_active:
        raise Http404
    queryset = access.visible_activities(feed.user, Activity.objects.all())
    queryset, stored = _filtered(queryset, feed.filters)
    queryset, applied = _filtered(queryset, request.GET)
    return _feed_response(
        request,
        queryset,
        name=f"Kennisstad – {feed.name}",
        scope=repr(("token", feed.pk, feed.user.role, feed.user.organisation_id, stored, applied)),
    )
