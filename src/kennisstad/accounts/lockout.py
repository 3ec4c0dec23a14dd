"""The brute-force lockout (django-axes) around the whole sign-in: the password step and the
second-factor step count against one limit (``AXES_FAILURE_LIMIT``) for the username from the
client's address (``core.client_ip``, which believes a proxy header only for trusted proxies).

Axes would forget the failures as soon as the password is right (``AXES_RESET_ON_SUCCESS``);
here they are forgotten only when the sign-in is complete, so a thief who knows the password
cannot guess codes in rounds of a few, signing in again between rounds.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib.auth.signals import user_login_failed


def _credentials(username: str) -> dict:
    return {"username": username}


def is_locked(request, username: str) -> bool:
    return AxesProxyHandler.is_locked(request, _credentials(username))


def record_failed_code(request, username: str) -> bool:
    """A wrong code counts as a failed sign-in; True when that locked the account out."""
    user_login_failed.send(sender=__name__, credentials=_credentials(username), request=request)
    return bool(getattr(request, "axes_locked_out", False)) or is_locked(request, username)


def forget_failures(request, username: str) -> None:
    """The sign-in is complete: its earlier failures no longer count."""
    AxesProxyHandler.update_request(request)
    AxesProxyHandler.get_implementation().reset_user_attempts(request, _credentials(username))


def locked_response(request, username: str):
    return get_lockout_response(request, None, _credentials(username))
