"""API token authentication that keeps the second-factor rule: a token of an account that must
have a second factor is refused until the account has one (``second_factor.token_acceptable``)."""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from . import second_factor


class SecondFactorTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if not second_factor.token_acceptable(user):
            raise exceptions.AuthenticationFailed(
                _("This account must set up two-step verification before its API token works.")
            )
        return user, token
