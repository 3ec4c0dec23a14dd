"""The team's pages of the newsletter: editions (compose, preview, test, send, progress) and the
subscribers with their counts. Team members only: partners and readers never see addresses."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views

from . import mails, selectors, services
from .forms import EditionForm, EraseSubscriberForm, TestMailForm
from .models import Edition, EditionStatus, Language, SubscriberStatus


class TeamOnly:
    may_open = access.is_team


class EditionListView(TeamOnly, core_views.RegistryViewMixin, generic.ListView):
    model = Edition
    paginate_by = 50
    template_name = "newsletter/edition_list.html"

    def get_queryset(self):
        return selectors.edition_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = selectors.subscriber_counts()
        return context


class SubscriberListView(TeamOnly, core_views.RegistryViewMixin, generic.ListView):
    paginate_by = 100
    template_name = "newsletter/subscriber_list.html"
    context_object_name = "subscribers"

    def get_queryset(self):
        queryset = selectors.subscriber_list()
        self.status = self.request.GET.get("status", "")
        if self.status in SubscriberStatus.values:
            queryset = queryset.filter(status=self.status)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = selectors.subscriber_counts()
        context["statuses"] = SubscriberStatus.choices
        context["status"] = self.status
        services.log_subscribers_listed(
            user=self.request.user, subscribers=list(context["object_list"])
        )
        return context


class EditionCreateView(TeamOnly, core_views.RegistryCreateView):
    model = Edition
    form_class = EditionForm
    new_heading = gettext_lazy("New newsletter edition")

    def get_initial(self):
        today = timezone.localdate()
        return {"activities_from": today, "activities_until": today + datetime.timedelta(days=60)}

    def save(self, form):
        return services.save_edition(edition=form.instance, user=self.request.user)


class EditionUpdateView(TeamOnly, core_views.RegistryUpdateView):
    """Drafts only: what was sent stays as it was sent."""

    model = Edition
    form_class = EditionForm

    def get_object(self, queryset=None):
        edition = super().get_object(queryset)
        if edition.status != EditionStatus.DRAFT:
            raise PermissionDenied
        return edition

    def save(self, form):
        return services.save_edition(
            edition=form.instance, user=self.request.user, expected_version=form.expected_version
        )


class EditionDetailView(TeamOnly, core_views.RegistryDetailView):
    model = Edition
    template_name = "newsletter/edition_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["deliveries"] = selectors.delivery_counts(self.object)
        context["confirmed"] = selectors.subscriber_counts()[SubscriberStatus.CONFIRMED]
        context["activities"] = selectors.edition_activities(self.object)
        context["test_form"] = kwargs.get("test_form") or TestMailForm(
            initial={"email": self.request.user.email, "language": Language.DUTCH}
        )
        context["is_draft"] = self.object.status == EditionStatus.DRAFT
        context["languages"] = Language.choices
        return context


class EditionPreviewView(TeamOnly, core_views.RegistryViewMixin, generic.DetailView):
    """The edition as a subscriber of every theme gets it, in one language."""

    model = Edition
    template_name = "newsletter/edition_preview.html"

    def get_object(self, queryset=None):
        if self.kwargs["language"] not in Language.values:
            raise Http404
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = self.kwargs["language"]
        subject, text, html = mails.render_edition(self.object, language, frozenset())
        context.update(
            language=language,
            language_name=dict(Language.choices)[language],
            subject=subject,
            text=text.replace(mails.PLACEHOLDER, "…"),
            body_html=_body_of(html.replace(mails.PLACEHOLDER, "#")),
        )
        return context


def _body_of(html: str) -> str:
    """What is between the mail document's body tags, to show inside the page."""
    start, end = html.find("<body>"), html.rfind("</body>")
    return html[start + len("<body>") : end] if start >= 0 and end > start else html


class EditionTestView(TeamOnly, core_views.RegistryViewMixin, generic.View):
    def post(self, request, pk):
        edition = get_object_or_404(Edition, pk=pk)
        form = TestMailForm(request.POST)
        if not form.is_valid():
            view = EditionDetailView(request=request, kwargs={"pk": pk}, object=edition)
            context = view.get_context_data(object=edition, test_form=form)
            return view.render_to_response(context, status=400)
        try:
            services.send_test(
                edition=edition,
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(edition)
        messages.success(request, _("The test mail was sent to %(email)s.") % form.cleaned_data)
        return redirect(edition)


class EditionSendView(TeamOnly, core_views.RegistryViewMixin, generic.View):
    def post(self, request, pk):
        edition = get_object_or_404(Edition, pk=pk)
        try:
            count = services.start_sending(edition=edition, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Sending to %(count)s subscribers has started.") % {"count": count}
            )
        return redirect(edition)


class EditionResendUnknownView(TeamOnly, core_views.RegistryViewMixin, generic.View):
    """Send the mails of unknown outcome again, after the team checked they did not arrive."""

    def post(self, request, pk):
        edition = get_object_or_404(Edition, pk=pk)
        try:
            count = services.release_unknown(edition=edition, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("%(count)s mails of unknown outcome are sent again.") % {"count": count}
            )
        return redirect(edition)


class SubscriberEraseView(TeamOnly, core_views.RegistryViewMixin, generic.View):
    """Erase one subscriber who is not a person in relations (a request under the AVG): the
    address first, then the subscriber found, confirmed with a tick."""

    template_name = "newsletter/subscriber_erase.html"

    def get(self, request):
        return self._render(EraseSubscriberForm())

    def post(self, request):
        form = EraseSubscriberForm(request.POST)
        if not form.is_valid():
            return self._render(form, status=400)
        email = services.normalise_email(form.cleaned_data["email"])
        subscriber = selectors.subscriber_list().filter(email=email).first()
        if not form.cleaned_data["confirm"] or subscriber is None:
            if subscriber is None:
                form.add_error("email", _("No subscriber has this address."))
            return self._render(form, subscriber=subscriber)
        try:
            services.erase_subscriber(email=email, user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self._render(form, subscriber=subscriber, status=400)
        messages.success(request, _("The subscriber was erased, history included."))
        return redirect("newsletter:subscriber-list")

    def _render(self, form, subscriber=None, status=200):
        from django.shortcuts import render

        context = {"form": form, "subscriber": subscriber}
        return render(self.request, self.template_name, context, status=status)
