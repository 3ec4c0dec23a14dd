"""Indicator pages: the list, one indicator with its trend and the records behind each number."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views

from . import delivery_selectors, forecasts, rules, selectors, services
from .charts import trend_chart
from .formatting import DASH, format_realisation, format_target
from .forms import (
    ComputeForm,
    IndicatorForm,
    OfficialFigureForm,
    RealisationForm,
    TargetForm,
    WithdrawOfficialForm,
)
from .models import Indicator, Method, Origin, Realisation, Target
from .sources import sources_section_anchor, sources_sections


class IndicatorListView(core_views.RegistryViewMixin, generic.ListView):
    model = Indicator
    may_open = access.is_team_or_reader
    template_name = "indicators/indicator_list.html"

    def get_queryset(self):
        return selectors.indicator_list().order_by("policy_area__code", "order", "name_nl")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = timezone.localdate().year
        rows = selectors.year_status(context["object_list"], year=year - 1)
        context.update(
            rows=rows,
            last_year=year - 1,
            this_year=year,
            can_create=access.is_team(self.request.user),
        )
        return context


class IndicatorDetailView(core_views.RegistryDetailView):
    model = Indicator
    may_open = access.is_team_or_reader
    template_name = "indicators/indicator_detail.html"

    def get_queryset(self):
        return selectors.indicator_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicator = self.object
        sources = selectors.indicator_sources(indicator)
        rows = year_rows(indicator, sources)
        context["rows"] = rows
        context["chart"] = trend_chart(rows)
        context["history"] = list(selectors.realisation_history(indicator))
        context["sources"] = [sources[year] for year in sorted(sources)]
        context["can_change"] = access.is_team(self.request.user)
        context["can_choose"] = access.can_choose_official_figures(self.request.user)
        if access.can_review_deliveries(self.request.user):
            context["deliveries"] = delivery_selectors.indicator_deliveries(indicator)
        context["source_sections"] = sources_sections(
            indicator,
            sources,
            can_choose=context["can_choose"],
            bound=kwargs.get("official_form"),
        )
        self._add_drill(context, sources)
        if indicator.method == Method.COMPUTED and indicator.rule:
            try:
                context["rule_text"] = rules.describe(rules.parse_rule(indicator.rule))
            except rules.RuleError as exc:
                context["rule_text"] = str(exc)
        this_year = timezone.localdate().year
        context["compute_form"] = ComputeForm(
            initial={"first_year": this_year - 3, "last_year": this_year}
        )
        return context

    def _add_drill(self, context, sources) -> None:
        """The records counted for the chosen year (or the last computed one): its newest
        computed value, whichever figure is official."""
        if self.object.method != Method.COMPUTED:
            return

        def computed(year):
            entry = sources.get(year)
            values = entry.realisations if entry else []
            return selectors.newest([r for r in values if r.origin == Origin.COMPUTED])

        year = year_from(self.request.GET.get("year"))
        if year is None or computed(year) is None:
            year = next((y for y in sorted(sources, reverse=True) if computed(y)), None)
        if year is not None and (chosen := computed(year)) is not None:
            drill = Realisation.objects.get(pk=chosen.pk)
            context["drill_year"] = year
            context["drill"] = drill
            context["drill_records"] = selectors.counted_records(drill)


def year_from(text: str | None) -> int | None:
    """A year given in the address or a form, if it is one: at most four digits (``int`` of
    thousands of digits raises, which would be a server error instead of no year)."""
    return int(text) if text and text.isdigit() and len(text) <= 4 else None


def year_rows(indicator: Indicator, sources: dict) -> list[dict]:
    """One row per year from the first to the last with a value, target or forecast: the
    official figure, a later recount beside it, the official target, and a bestuursrapportage's
    forecast. A year after the current one shows no achieved value, only its forecast."""
    expected = forecasts.forecasts([indicator.pk])
    years = set(sources) | {year for _pk, year in expected}
    rows = []
    for year in range(min(years, default=0), max(years, default=-1) + 1):
        entry = sources.get(year)
        future = forecasts.is_future(year)
        measured = indicator.is_measured_in(year)
        figure = entry.figure if entry and measured and not future else None
        realised = figure.realisation if figure else None
        recount = figure.recount if figure else None
        target = entry.target if entry else None
        rows.append(
            {
                "year": year,
                "future": future,
                "measured": measured,
                "figure": figure,
                "realisation": realised,
                "realised": realised.value if realised else None,
                "realised_text": format_realisation(indicator, realised),
                "recount": recount,
                "recount_text": format_realisation(indicator, recount) if recount else "",
                "forecast": expected.get((indicator.pk, year)),
                "target_obj": target,
                "target": target.value if target and target.comparator != "text" else None,
                "target_text": format_target(target) if target else DASH,
                "met": target.is_met_by(realised.value) if target and realised else None,
            }
        )
    return rows


class TeamOnlyMixin:
    may_open = access.is_team


class IndicatorSaveMixin(TeamOnlyMixin):
    model = Indicator
    form_class = IndicatorForm
    new_heading = gettext_lazy("New indicator")
    template_name = "indicators/indicator_form.html"

    def save(self, form):
        return services.save_indicator(
            indicator=form.instance, user=self.request.user, expected_version=form.expected_version
        )

    def get_success_url(self):
        return reverse("indicators:indicator-detail", args=[self.object.pk])


class IndicatorCreateView(IndicatorSaveMixin, core_views.RegistryCreateView):
    pass


class IndicatorUpdateView(IndicatorSaveMixin, core_views.RegistryUpdateView):
    pass


class _ChildCreateView(TeamOnlyMixin, core_views.RegistryCreateView):
    """Create a target or realisation of the indicator in the URL."""

    @cached_property
    def indicator(self) -> Indicator:
        return get_object_or_404(Indicator, pk=self.kwargs["indicator_pk"])

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.indicator = self.indicator
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form_heading"] = f"{self.new_heading}: {self.indicator}"
        return context

    def get_success_url(self):
        return reverse("indicators:indicator-detail", args=[self.indicator.pk])

    def get_cancel_url(self) -> str:
        return self.get_success_url()  # targets and realisations are listed on the indicator


class RealisationCreateView(_ChildCreateView):
    model = Realisation
    form_class = RealisationForm
    new_heading = gettext_lazy("Record a realised value")

    def save(self, form):
        form.instance.origin = Origin.MANUAL
        return services.save_realisation(realisation=form.instance, user=self.request.user)


class TargetCreateView(_ChildCreateView):
    model = Target
    form_class = TargetForm
    new_heading = gettext_lazy("Add a target")

    def save(self, form):
        return services.save_target(target=form.instance, user=self.request.user)


class ComputeView(core_views.RegistryViewMixin, generic.View):
    """The "compute now" button: count the registry and store dated realisations."""

    may_open = access.is_team
    http_method_names = ["post"]

    def post(self, request, pk):
        if not access.is_team(request.user):
            raise PermissionDenied
        indicator = get_object_or_404(Indicator, pk=pk)
        form = ComputeForm(request.POST)
        if not form.is_valid():
            for error in form.errors.values():
                messages.error(request, error[0])
            return redirect("indicators:indicator-detail", pk=pk)
        years = range(form.cleaned_data["first_year"], form.cleaned_data["last_year"] + 1)
        try:
            computed = services.compute_indicator(
                indicator=indicator, years=years, user=request.user
            )
        except DjangoValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Computed %(first)s–%(last)s; peildatum %(date)s.")
                % {
                    "first": computed[0].year,
                    "last": computed[-1].year,  # later years have not happened: skipped
                    "date": timezone.localdate().strftime("%d-%m-%Y"),
                },
            )
        return redirect("indicators:indicator-detail", pk=pk)


class OfficialFigureView(IndicatorDetailView):
    """Mark one of a year's values as official, with the reason (logged); a refused choice is
    shown in its form on the indicator page."""

    http_method_names = ["post"]

    def post(self, request, pk):
        if not access.can_choose_official_figures(request.user):
            raise PermissionDenied
        self.object = indicator = self.get_object()
        sources = selectors.indicator_sources(indicator)
        entry = sources.get(year) if (year := year_from(request.POST.get("year"))) else None
        if entry is None:
            messages.error(request, _("This indicator has no values for that year."))
            return redirect("indicators:indicator-detail", pk=pk)
        form = OfficialFigureForm(request.POST, sources=entry)
        if form.is_valid():
            try:
                services.choose_authoritative(
                    indicator=indicator,
                    year=entry.year,
                    record=form.chosen,
                    reason=form.cleaned_data["reason"],
                    user=request.user,
                )
            except DjangoValidationError as exc:
                form.add_error(None, " ".join(exc.messages))
            else:
                messages.success(
                    request,
                    _("The official value of %(year)s is marked.") % {"year": entry.year},
                )
                url = reverse("indicators:indicator-detail", args=[pk])
                return redirect(f"{url}#{sources_section_anchor(entry.year)}")
        return self.render_to_response(self.get_context_data(official_form=form))


class WithdrawOfficialView(core_views.RegistryViewMixin, generic.View):
    """Withdraw a choice: the rule (adopted document, else the newest value) decides again."""

    may_open = access.can_choose_official_figures
    http_method_names = ["post"]

    def post(self, request, pk):
        indicator = get_object_or_404(Indicator, pk=pk)
        form = WithdrawOfficialForm(request.POST)
        url = reverse("indicators:indicator-detail", args=[pk])
        if not form.is_valid():
            messages.error(request, _("Say which choice to withdraw."))
            return redirect(url)
        year = form.cleaned_data["year"]
        try:
            services.withdraw_authoritative(
                indicator=indicator, year=year, kind=form.cleaned_data["kind"], user=request.user
            )
        except DjangoValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The choice for %(year)s is withdrawn.") % {"year": year})
        return redirect(f"{url}#{sources_section_anchor(year)}")
