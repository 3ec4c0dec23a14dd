"""Pages of the shared international calendar (the list view works without JavaScript)."""

from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.core.contributions import page_sections
from kennisstad.core.exports import ExportableListMixin
from kennisstad.core.filters import datetime_param
from kennisstad.core.imports import ImportRefused
from kennisstad.core.text_input import whole_number

from . import selectors
from .filters import ActivityFilter
from .forms import ActivityForm, IcsImportForm
from .ics_import import import_events, parse_ics
from .models import Activity, FeedToken
from .pages import ACTIVITY_SECTIONS
from .services import (
    approve_publication,
    create_feed_token,
    delete_activity,
    reject_publication,
    revoke_feed_token,
    save_activity,
)
from .spreadsheets import ACTIVITY_COLUMNS, activity_columns


class ActivityListView(ExportableListMixin, core_views.FilteredListView):
    """The calendar as a list; ``selectors.activity_list`` applies the access rules."""

    model = Activity
    export_columns = ACTIVITY_COLUMNS
    filterset_class = ActivityFilter
    template_name = "agenda/activity_list.html"
    results_template_name = "agenda/_activity_results.html"

    def get_export_columns(self):
        return activity_columns(self.request.user)

    def get_queryset(self):
        self.queryset = selectors.activity_list(user=self.request.user)
        queryset = super().get_queryset()
        if not self.request.GET.get("date_from") and not self.request.GET.get("all"):
            # Default to what lies ahead; ?all=1 shows the past as well.
            queryset = queryset.filter(ends_at__gte=timezone.now() - timezone.timedelta(days=1))
        return queryset.order_by("starts_at", "id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        local_zone = timezone.get_current_timezone()

        def day_of(activity):
            # An all-day activity happens on its own calendar day, wherever it takes place.
            if activity.all_day:
                return activity.first_day
            return activity.starts_at.astimezone(local_zone).date()

        context["days"] = [
            (day, list(items)) for day, items in groupby(context["object_list"], key=day_of)
        ]
        return context


class ActivityDetailView(core_views.RegistryDetailView):
    model = Activity
    visible = access.visible_activities
    template_name = "agenda/activity_detail.html"

    def get_queryset(self):
        self.queryset = selectors.activity_list(user=self.request.user).prefetch_related(
            "team_participants", "people__organisations"
        )
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity = self.object
        zone = activity.zone
        context["show_local_time"] = (
            activity.timezone != settings.TIME_ZONE and not activity.all_day
        )
        context["local_start"] = activity.starts_at.astimezone(zone)
        user = self.request.user
        context["show_participants"] = access.can_see_participants(user)
        project = activity.project
        visible = project is not None and (
            access.visible_projects(user, type(project).objects.filter(pk=project.pk)).exists()
        )
        context["project"] = project if visible else None
        context["sections"] = page_sections(ACTIVITY_SECTIONS, activity, user=user)
        return context


class ActivitySaveMixin:
    template_name = "agenda/activity_form.html"
    new_heading = _("New activity")
    model = Activity
    form_class = ActivityForm
    visible = access.visible_activities

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        initial = super().get_initial()
        if self.request.GET.get("project"):
            initial["project"] = self.request.GET["project"]
        return initial

    def form_valid(self, form):
        """Show overlapping activities with a shared participant or venue before saving; the
        user may save anyway."""
        if not self.request.POST.get("save_despite_conflicts"):
            conflicts = selectors.conflicts_for(
                form.instance,
                team_participants=form.cleaned_data.get("team_participants"),
                people=form.cleaned_data.get("people"),
                exclude_pk=form.instance.pk,
            )
            if conflicts:
                return self.render_to_response(
                    self.get_context_data(form=form, conflicts=conflicts), status=200
                )
        return super().form_valid(form)

    def save(self, form):
        return save_activity(
            activity=form.instance,
            user=self.request.user,
            expected_version=form.expected_version,
            team_participants=form.cleaned_data.get("team_participants"),
            people=form.cleaned_data.get("people"),
            themes=form.cleaned_data.get("themes"),
        )

    def get_success_url(self):
        return reverse("agenda:activity-detail", args=[self.object.pk])


class ActivityCreateView(ActivitySaveMixin, core_views.RegistryCreateView):
    pass


class ActivityUpdateView(ActivitySaveMixin, core_views.RegistryUpdateView):
    pass


def _delete_activity(*, instance, user, expected_version):
    delete_activity(activity=instance, user=user, expected_version=expected_version)


class ActivityDeleteView(core_views.RegistryDeleteView):
    model = Activity
    visible = access.visible_activities
    delete_function = _delete_activity
    success_url = reverse_lazy("agenda:activity-list")


class PublicationApprovalView(core_views.RegistryViewMixin, generic.TemplateView):
    """Partners' activities waiting to be made public: the team approves or declines each."""

    may_open = access.is_team
    template_name = "agenda/awaiting_approval.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["activities"] = selectors.awaiting_publication()
        return context

    def post(self, request, *args, **kwargs):
        activity = get_object_or_404(
            Activity,
            pk=whole_number(request.POST.get("activity")) or 0,
            publication_requested_at__isnull=False,
        )
        decide = approve_publication if request.POST.get("decision") == "approve" else None
        decide = decide or reject_publication
        try:
            decide(
                activity=activity,
                user=request.user,
                expected_version=whole_number(request.POST.get("version")),
            )
        except StaleVersionError as exc:
            messages.error(request, exc.message)
        except ValidationError as exc:  # e.g. a rule stored before today's checks
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("“%(title)s” is now public.") % {"title": activity.title}
                if decide is approve_publication
                else _("“%(title)s” stays visible to partners only.") % {"title": activity.title},
            )
        return redirect("agenda:awaiting-approval")


class FeedListView(core_views.RegistryViewMixin, generic.TemplateView):
    """Subscribe from Outlook or Google: secret addresses for one's own view of the calendar."""

    template_name = "agenda/feeds.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        base = settings.SITE_URL.rstrip("/")
        context["feeds"] = [
            (feed, base + reverse("agenda:personal-feed", args=[feed.token]))
            for feed in self.request.user.feed_tokens.filter(revoked_at__isnull=True)
        ]
        context["public_url"] = base + reverse("agenda:public-feed")
        context["new_feed"] = self.request.session.pop("new_feed", None)
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("revoke"):
            feed = get_object_or_404(
                FeedToken, pk=whole_number(request.POST["revoke"]) or 0, user=request.user
            )
            revoke_feed_token(feed=feed, user=request.user)
            messages.success(
                request, _("The address was revoked; calendars using it stop updating.")
            )
        else:
            feed = create_feed_token(user=request.user, name=request.POST.get("name", "")[:100])
            request.session["new_feed"] = feed.pk
            messages.success(request, _("A new subscription address was made."))
        return redirect("agenda:feeds")


class IcsImportView(core_views.RegistryViewMixin, generic.FormView):
    """Upload a calendar (.ics): dry run first, then import; line errors name the line."""

    may_open = access.is_team
    form_class = IcsImportForm
    template_name = "agenda/import.html"

    def form_valid(self, form):
        try:
            report = import_events(
                parse_ics(form.cleaned_data["file"]),
                user=self.request.user,
                organiser=form.cleaned_data["organiser"],
                visibility=form.cleaned_data["visibility"],
                dry_run=form.cleaned_data["dry_run"],
                source="upload",
            )
        except ImportRefused as refused:
            form.add_error("file", _("Nothing was imported. Correct the file and try again."))
            return self.render_to_response(self.get_context_data(form=form, refused=refused))
        return self.render_to_response(self.get_context_data(form=form, report=report))


class CalendarView(core_views.RegistryViewMixin, generic.TemplateView):
    """Month and week views (FullCalendar); the list view is the one without JavaScript."""

    template_name = "agenda/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events_url"] = reverse("agenda:events")
        context["query"] = self.request.GET.urlencode()
        context["initial_view"] = "timeGridWeek" if self.kwargs.get("week") else "dayGridMonth"
        return context


class EventsView(core_views.RegistryViewMixin, generic.View):
    """Occurrences between ?start= and ?end= (ISO) for FullCalendar, with the list's filters."""

    def get(self, request):
        from django.http import JsonResponse

        from .models import FIRST_YEAR, LAST_YEAR

        # The activities' own years: a window outside them overflows the date arithmetic.
        bounds = {"first_year": FIRST_YEAR, "last_year": LAST_YEAR}
        moments = {
            name: datetime_param(request.GET.get(name), **bounds) for name in ("start", "end")
        }
        for name, moment in moments.items():
            if moment is None and datetime_param(request.GET.get(name)) is not None:
                message = _("%(name)s must be in the years %(first)s to %(last)s.")
                return JsonResponse(
                    {"error": message % {"name": name, "first": FIRST_YEAR, "last": LAST_YEAR}},
                    status=400,
                )
        start, end = moments["start"], moments["end"]
        if start is None or end is None or end <= start or (end - start).days > 62:
            return JsonResponse(
                {"error": _("Give start and end (ISO date-times), at most two months apart.")},
                status=400,
            )
        filterset = ActivityFilter(
            request.GET or None, queryset=Activity.objects.all(), request=request
        )
        queryset = filterset.qs if filterset.is_bound else Activity.objects.all()
        events = []
        # One address per activity, not per occurrence: a series can give a hundred.
        detail = reverse("agenda:activity-detail", args=[0])[: -len("0/")]
        occurrences = selectors.occurrences_between(
            user=request.user, start=start, end=end, queryset=queryset
        )
        shared = {}  # what all occurrences of one activity have in common, made once
        for item in occurrences:
            activity = item["activity"]
            if activity.pk not in shared:
                shared[activity.pk] = {
                    "id": activity.pk,
                    "title": activity.title,
                    "url": f"{detail}{activity.pk}/",
                    "classNames": [f"ks-event--{activity.kind}", f"ks-event--{activity.status}"],
                    "allDay": activity.all_day,
                }
            event = dict(shared[activity.pk])
            if activity.all_day:
                zone = activity.zone
                event["start"] = item["starts_at"].astimezone(zone).date().isoformat()
                event["end"] = item["ends_at"].astimezone(zone).date().isoformat()
            else:
                event["start"] = item["starts_at"].isoformat()
                event["end"] = item["ends_at"].isoformat()
            events.append(event)
        response = JsonResponse(events, safe=False)
        if occurrences.truncated:
            response["X-Kennisstad-Truncated"] = "1"  # some occurrences were left out
        return response
