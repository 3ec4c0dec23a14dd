"""The team's side: registration settings of an activity, the attendee list and its exports,
check-in on the day (a phone, no JavaScript needed) and the no-shows.

Who may: whoever may change the activity (team members; a partner for its own organisation's
activities: they run the event), since the list is personal data. Readers and others get 403.
Every look at a list is written to the personal-data access log."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from kennisstad.accounts import access
from kennisstad.agenda.models import Activity
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.core.exports import FORMATS, Column, choice_label, export_response
from kennisstad.core.text_input import whole_number

from . import selectors, services
from .forms import STANDARD_LABELS, SettingsForm, question_text
from .models import Registration, RegistrationSettings, RegistrationStatus


class ActivityTeamMixin(LoginRequiredMixin):
    """Loads the activity of the URL; 404 if the user may not see it, 403 if not manage it."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        visible = access.visible_activities(request.user, Activity.objects.all())
        self.activity = get_object_or_404(visible, pk=kwargs["pk"])
        if not selectors.may_manage(request.user, self.activity):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def config_or_404(self) -> RegistrationSettings:
        config = selectors.settings_for(self.activity)
        if config is None:
            raise Http404
        return config


class SettingsView(ActivityTeamMixin, View):
    """Open registration on an activity, or change how it works."""

    model = RegistrationSettings
    template_name = "core/form.html"

    def form(self, data=None):
        config = selectors.settings_for(self.activity) or RegistrationSettings(
            activity=self.activity,
            consent_text_nl=_(
                "We use your details only to organise this activity and delete them after "
                "the retention period."
            ),
        )
        return SettingsForm(data, instance=config)

    def page(self, form, status=200):
        context = {
            "form": form,
            "form_heading": _("Registration for %(title)s") % {"title": self.activity},
            "cancel_url": reverse("agenda:activity-detail", args=[self.activity.pk]),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.page(self.form())

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.page(form, status=400)
        config = form.save(commit=False)
        try:
            services.save_settings(
                config=config, user=request.user, expected_version=form.expected_version
            )
        except StaleVersionError as exc:
            form.add_error(None, exc.message)
            return self.page(form, status=409)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.page(form, status=400)
        messages.success(request, _("Saved."))
        return HttpResponseRedirect(reverse("registrations:attendees", args=[self.activity.pk]))


BASE_COLUMNS = (
    "name",
    "email",
    "organisation",
    "status",
    "position",
    "language",
    "registered",
    "checked_in",
    "no_show",
)


def export_columns(config: RegistrationSettings) -> list[Column]:
    columns = [
        Column("name", gettext_lazy("Name"), lambda r: r.name),
        Column("email", gettext_lazy("Email address"), lambda r: r.email),
        Column("organisation", gettext_lazy("Organisation"), lambda r: r.organisation),
        Column(
            "status", gettext_lazy("Status"), choice_label("status", RegistrationStatus.choices)
        ),
        Column("position", gettext_lazy("Place on the waiting list"), lambda r: r.waiting_position),
        Column("language", gettext_lazy("Language"), lambda r: r.language),
        Column("registered", gettext_lazy("Registered at"), lambda r: r.created_at),
        Column("checked_in", gettext_lazy("Checked in at"), lambda r: r.checked_in_at),
        Column("no_show", gettext_lazy("Did not come"), lambda r: _("yes") if r.no_show else ""),
    ]
    for name in config.asked_questions():
        columns.append(
            Column(name, STANDARD_LABELS[name], lambda r, key=name: r.answers.get(key, ""))
        )
    for key, question in config.free_questions_keyed(removed=True):
        columns.append(
            Column(key, question_text(question), lambda r, key=key: r.answers.get(key, ""))
        )
    return columns


class AttendeesView(ActivityTeamMixin, View):
    """Everyone registered with the counts; ``?format=xlsx|csv`` downloads the list."""

    def get(self, request, *args, **kwargs):
        config = self.config_or_404()
        registrations = selectors.attendees(self.activity)
        questions = export_columns(config)[len(BASE_COLUMNS) :]
        fmt = request.GET.get("format")
        services.log_attendee_list_shown(
            user=request.user,
            activity_id=self.activity.pk,
            registrations=registrations,
            download=fmt in FORMATS,
        )
        if fmt in FORMATS:
            return export_response(
                columns=export_columns(config),
                records=registrations.iterator(),
                fmt=fmt,
                name=_("Registrations %(title)s") % {"title": self.activity.title},
            )
        context = {
            "activity": self.activity,
            "config": config,
            "counts": selectors.counts_for(self.activity),
            "places_left": selectors.places_left(config),
            "question_labels": [column.label for column in questions],
            "rows": [
                (registration, [column.value(registration) for column in questions])
                for registration in registrations
            ],
        }
        return render(request, "registrations/attendees.html", context)


class PrintableView(ActivityTeamMixin, View):
    """A list to print for the door: confirmed registrants by name, with room to sign."""

    def get(self, request, *args, **kwargs):
        self.config_or_404()
        registrations = selectors.attendees(self.activity).filter(
            status=RegistrationStatus.CONFIRMED
        )
        services.log_attendee_list_shown(
            user=request.user, activity_id=self.activity.pk, registrations=registrations
        )
        context = {"activity": self.activity, "registrations": registrations.order_by("name")}
        return render(request, "registrations/printable.html", context)


class CheckInView(ActivityTeamMixin, View):
    """Check people in at the door from a phone: search by name, one button per person."""

    def get(self, request, *args, **kwargs):
        self.config_or_404()
        query = request.GET.get("q", "").strip()[:100]
        registrations = selectors.attendees(self.activity).filter(
            status=RegistrationStatus.CONFIRMED
        )
        if query:
            registrations = registrations.filter(name__icontains=query) | registrations.filter(
                organisation__icontains=query
            )
        services.log_attendee_list_shown(
            user=request.user, activity_id=self.activity.pk, registrations=registrations
        )
        context = {
            "activity": self.activity,
            "registrations": registrations.order_by("name", "pk"),
            "query": query,
            "counts": selectors.counts_for(self.activity),
        }
        return render(request, "registrations/check_in.html", context)

    def post(self, request, *args, **kwargs):
        self.config_or_404()
        registration = get_object_or_404(
            Registration,
            pk=whole_number(request.POST.get("registration")) or 0,
            activity=self.activity,
        )
        undo = request.POST.get("undo") == "1"
        try:
            services.check_in(registration=registration, user=request.user, undo=undo)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            text = _("%(name)s is no longer checked in.") if undo else _("%(name)s is checked in.")
            messages.success(request, text % {"name": registration.name})
        query = request.POST.get("q", "")
        target = reverse("registrations:check-in", args=[self.activity.pk])
        return HttpResponseRedirect(f"{target}?{urlencode({'q': query})}" if query else target)


class NoShowsView(ActivityTeamMixin, View):
    """After the activity: mark every confirmed registrant who was not checked in."""

    def post(self, request, *args, **kwargs):
        self.config_or_404()
        try:
            marked = services.record_no_shows(activity=self.activity, user=request.user)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("%(count)s no-shows recorded.") % {"count": marked})
        return HttpResponseRedirect(reverse("registrations:attendees", args=[self.activity.pk]))


class TeamCancelView(ActivityTeamMixin, View):
    """The team cancels someone's registration (they called or mailed); the first person
    waiting takes the place and is mailed."""

    def post(self, request, *args, **kwargs):
        self.config_or_404()
        registration = get_object_or_404(
            Registration,
            pk=whole_number(request.POST.get("registration")) or 0,
            activity=self.activity,
        )
        try:
            promoted = services.cancel(registration=registration, user=request.user)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            text = _("The registration of %(name)s is cancelled.") % {"name": registration.name}
            if promoted:
                names = ", ".join(r.name for r in promoted)
                text += " " + _("From the waiting list: %(names)s.") % {"names": names}
            messages.success(request, text)
        return HttpResponseRedirect(reverse("registrations:attendees", args=[self.activity.pk]))
