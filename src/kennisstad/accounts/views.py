"""Login, logout and the personal page where a user manages their API token."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import generic
from rest_framework.authtoken.models import Token

from kennisstad.core.forms import style_widgets


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        style_widgets(form)
        return form


class LogoutView(auth_views.LogoutView):
    pass


class ProfileView(LoginRequiredMixin, generic.TemplateView):
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["token"] = Token.objects.filter(user=self.request.user).first()
        context["new_token"] = self.request.session.pop("new_api_token", None)
        return context

    def post(self, request, *args, **kwargs):
        Token.objects.filter(user=request.user).delete()
        if request.POST.get("action") == "create":
            token = Token.objects.create(user=request.user)
            request.session["new_api_token"] = token.key
            messages.success(request, _("A new API token was created; copy it now."))
        else:
            messages.success(request, _("Your API token was revoked."))
        return redirect("accounts:profile")
