"""The admin site (configuration) asks for a session that passed the second factor, as
django-otp's OTPAdminSite does, and also accepts one verified by the identity provider. Its own
login page is not used: sign-in (password, then the code) is the accounts app's."""

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from . import second_factor


class VerifiedAdminSite(admin.AdminSite):
    def has_permission(self, request) -> bool:
        return super().has_permission(request) and second_factor.session_is_verified(request)

    def login(self, request, extra_context=None):
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
        query = urlencode({REDIRECT_FIELD_NAME: next_url})
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:login')}?{query}")
        if not second_factor.session_is_verified(request) and request.user.is_staff:
            step = second_factor.pending_step(request) or second_factor.STEP_SETUP
            return redirect(f"{reverse(f'accounts:mfa-{step}')}?{query}")
        raise PermissionDenied
