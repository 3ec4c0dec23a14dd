"""The username-and-password backend, which leaves the identity provider's accounts to it."""

from django.contrib.auth.backends import ModelBackend

from .oidc_claims import is_identity_provider_username


class PasswordBackend(ModelBackend):
    """Django's ModelBackend, refusing accounts the identity provider made (``oidc-`` names).
    They have no usable password, but one can be set afterwards (admin site, shell); signing
    in with it would skip the provider's second factor and its say over who still works for
    the municipality (a person it removed keeps a password here)."""

    def user_can_authenticate(self, user) -> bool:
        if is_identity_provider_username(user.get_username()):
            return False
        return super().user_can_authenticate(user)
