"""The API's request parsers (REST_FRAMEWORK ``DEFAULT_PARSER_CLASSES``). Kept apart from
``core.api``: DRF imports its parser setting while ``rest_framework.views`` loads."""

from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers

MAX_JSON_DEPTH = 32  # no record of the API nests deeper than a few levels


def json_depth(value) -> int:
    """How deeply lists and objects nest in ``value`` (without recursion of its own)."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            pending.extend((child, depth + 1) for child in _children(item))
    return deepest


def _children(item):
    return item.values() if isinstance(item, dict) else item


class DepthLimitedJSONParser(parsers.JSONParser):
    """JSON bodies nested deeper than ``MAX_JSON_DEPTH`` are a 400: Python's parser would run
    out of stack at a few thousand levels (RecursionError, a 500), and the serializers and
    the history behind them recurse too."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise self._too_deep() from exc
        if json_depth(data) > MAX_JSON_DEPTH:
            raise self._too_deep()
        return data

    def _too_deep(self):
        return exceptions.ParseError(
            _("The JSON body nests deeper than %(depth)s levels.") % {"depth": MAX_JSON_DEPTH}
        )
