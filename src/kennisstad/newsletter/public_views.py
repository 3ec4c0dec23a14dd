"""The public pages of the newsletter, in the portal's look: subscribe, confirm, unsubscribe.

Following a link from a mail (GET) never changes anything: mail scanners open links before the
reader does. Each page has one button that does it (a plain form, no JavaScript needed). The
mail's ``List-Unsubscribe-Post`` one-click address is the exception RFC 8058 defines: a POST
without a CSRF token, answered at once."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import generic
from django.views.decorators.csrf import csrf_exempt

from kennisstad.core.client_ip import client_ip

from . import services, tokens
from .forms import CONSENT, SubscribeForm


class SubscribeView(generic.FormView):
    template_name = "newsletter/subscribe.html"
    form_class = SubscribeForm

    def get_initial(self):
        return {"language": "en" if (get_language() or "").startswith("en") else "nl"}

    def form_valid(self, form):
        if not services.client_within_limit(client_ip(self.request)):
            form.add_error(None, _("Too many requests from your connection. Try again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if not form.is_robot:
            services.subscribe(
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                themes=list(form.cleaned_data["themes"]),
                consent_text=str(CONSENT),
            )
        return redirect("newsletter:subscribe-sent")


class SubscribeSentView(generic.TemplateView):
    template_name = "newsletter/subscribe_sent.html"


class ConfirmView(generic.View):
    def get(self, request, token):
        valid = tokens.read_confirm_token(token) is not None
        return render(request, "newsletter/confirm.html", {"valid": valid})

    def post(self, request, token):
        subscriber = services.confirm(token=token)
        return render(
            request, "newsletter/confirm.html", {"valid": subscriber is not None, "done": True}
        )


class UnsubscribeView(generic.View):
    def get(self, request, token):
        valid = services.subscriber_for_unsubscribe(token) is not None
        return render(request, "newsletter/unsubscribe.html", {"valid": valid})

    def post(self, request, token):
        valid = services.unsubscribe(token=token)
        return render(request, "newsletter/unsubscribe.html", {"valid": valid, "done": True})


@method_decorator(csrf_exempt, name="dispatch")
class OneClickUnsubscribeView(generic.View):
    """RFC 8058: the mail program POSTs ``List-Unsubscribe=One-Click`` here; no page, no token
    of the session, just done."""

    http_method_names = ["post"]

    def post(self, request, token):
        if not services.unsubscribe(token=token):
            return HttpResponse(status=404)
        return HttpResponse(_("You are unsubscribed."), content_type="text/plain; charset=utf-8")
