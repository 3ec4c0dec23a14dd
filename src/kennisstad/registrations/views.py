"""The public side: the registration form (no account, no JavaScript, Dutch and English) and
the registrant's personal link to change or cancel."""

import logging

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views import View

from kennisstad.core.events import log_event

from . import selectors, services
from .forms import ChangeRegistrationForm, RegistrationForm
from .links import LinkInvalid, registration_for_token
from .throttle import allow_post

logger = logging.getLogger(__name__)

LINK_STATUS = {"tampered": 400, "expired": 410, "used": 410}


class RegisterView(View):
    """The form for one activity: a place, the waiting list, or a clear refusal."""

    template_name = "registrations/register.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        activity = selectors.registrable_activity(kwargs["pk"], user=request.user)
        if activity is None:
            raise Http404
        self.activity = activity
        self.config = activity.registration_settings

    def page(self, form, *, status: int = 200, **extra):
        context = {
            "activity": self.activity,
            "config": self.config,
            "form": form,
            "refusal": services.refusal(self.config, timezone.now()),
            "places_left": selectors.places_left(self.config),
            **extra,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.page(RegistrationForm(config=self.config))

    def post(self, request, *args, **kwargs):
        form = RegistrationForm(request.POST, config=self.config)
        if form.is_from_a_script():
            # Told nothing useful: a script learns no difference from a real registration.
            log_event("registrations.honeypot", level=logging.WARNING, activity=self.activity.pk)
            return self.page(None, outcome="received")
        if not form.is_valid():
            return self.page(form, status=400)
        data = form.cleaned_data
        if not allow_post(request, services.normalise_email(data["email"])):
            log_event("registrations.throttled", level=logging.WARNING, activity=self.activity.pk)
            return self.page(form, status=429, throttled=True)
        try:
            services.register(
                activity=self.activity,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
                consent=data["consent"],
                language="en" if (get_language() or "").startswith("en") else "nl",
                answers=form.answers(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.page(form, status=409)
        # One neutral answer whatever happened (a place, the waiting list, registered before):
        # the page must not tell a stranger who is registered. The mail says which.
        return self.page(None, outcome="received")


def _invalid_link(request, reason: str):
    return render(
        request, "registrations/link_invalid.html", {"reason": reason}, status=LINK_STATUS[reason]
    )


class ManageView(View):
    """The registrant's own page: their details and answers, and the way to cancel."""

    template_name = "registrations/manage.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.registration = registration_for_token(kwargs["token"])
        except LinkInvalid as exc:
            return _invalid_link(request, exc.reason)
        self.config = self.registration.activity.registration_settings
        return super().dispatch(request, *args, **kwargs)

    def form(self, data=None):
        registration = self.registration
        return ChangeRegistrationForm(
            data,
            config=self.config,
            answers=registration.answers,
            initial={
                "name": registration.name,
                "organisation": registration.organisation,
                "language": registration.language,
            },
        )

    def page(self, form, *, status: int = 200, **extra):
        context = {
            "registration": self.registration,
            "activity": self.registration.activity,
            "form": form,
            **extra,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.page(self.form())

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.page(form, status=400)
        services.change_registration(
            registration=self.registration,
            name=form.cleaned_data["name"],
            organisation=form.cleaned_data["organisation"],
            language=form.cleaned_data["language"],
            answers=form.answers(),
        )
        return self.page(form, saved=True)


class CancelView(View):
    """Asks once more (GET), then cancels (POST); the link is dead afterwards."""

    template_name = "registrations/cancel.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.registration = registration_for_token(kwargs["token"])
        except LinkInvalid as exc:
            return _invalid_link(request, exc.reason)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        context = {"registration": self.registration, "activity": self.registration.activity}
        try:
            services.may_cancel(self.registration, by_team=False)
        except ValidationError as exc:  # the activity is over: say so instead of asking
            context["error"] = exc.messages[0]
        return render(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        try:
            services.cancel(registration=self.registration)
        except ValidationError as exc:
            if exc.code != "ended":
                return _invalid_link(request, "used")
            context = {
                "registration": self.registration,
                "activity": self.registration.activity,
                "error": exc.messages[0],
            }
            return render(request, self.template_name, context, status=409)
        context = {
            "registration": self.registration,
            "activity": self.registration.activity,
            "cancelled": True,
        }
        return render(request, self.template_name, context)
