"""The API's request parsers (REST_FRAMEWORK ``DEFAULT_PARSER_CLASSES``). Kept apart from
``core.api``: DRF imports its parser setting while ``rest_framework.views`` loads."""

from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers

MAX_JSON_DEPTH = 32  # no record of the API nests deeper than a few levels


def json_depth(value) -> int:
    """How deeply lists and objects nest in ``value`` (without recursion of its own)."""
    return _walk(value)[0]


def holds_nul(value) -> bool:
    """Whether any string in ``value`` (keys included) has a NUL character."""
    return _walk(value)[1]


def _walk(value) -> tuple[int, bool]:
    deepest, nul, pending = 0, False, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, str):
            nul = nul or "\x00" in item
        elif isinstance(item, dict | list):
            deepest = max(deepest, depth)
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return deepest, nul


class DepthLimitedJSONParser(parsers.JSONParser):
    """JSON bodies nested deeper than ``MAX_JSON_DEPTH`` are a 400: Python's parser would run
    out of stack at a few thousand levels (RecursionError, a 500), and the serializers and
    the history behind them recurse too. So is a NUL character in any string: PostgreSQL
    cannot store or even compare it, and related fields look values up before validating."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise self._too_deep() from exc
        depth, nul = _walk(data)
        if depth > MAX_JSON_DEPTH:
            raise self._too_deep()
        if nul:
            raise exceptions.ParseError(_("The JSON body contains a NUL character."))
        return data

    def _too_deep(self):
        return exceptions.ParseError(
            _("The JSON body nests deeper than %(depth)s levels.") % {"depth": MAX_JSON_DEPTH}
        )


def _refuse_nul_in_form(data):
    texts = [text for key, values in data.lists() for text in (key, *values)]
    if any(isinstance(text, str) and "\x00" in text for text in texts):
        raise exceptions.ParseError(_("The form data contains a NUL character."))


class NulRefusingFormParser(parsers.FormParser):
    """Form-encoded API bodies: a NUL character is a 400, as in JSON bodies."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        _refuse_nul_in_form(data)
        return data


class NulRefusingMultiPartParser(parsers.MultiPartParser):
    """Multipart API bodies: a NUL character in a field (not in a file) is a 400."""

    def parse(self, stream, media_type=None, parser_context=None):
        result = super().parse(stream, media_type, parser_context)
        _refuse_nul_in_form(result.data)
        return result
