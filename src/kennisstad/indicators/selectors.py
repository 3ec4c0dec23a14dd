"""Reads over indicators: the current realisation and the adopted target of each year, fetched
for a whole table at once."""

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from .models import Indicator, Realisation, Target


def indicator_list(*, queryset: QuerySet[Indicator] | None = None) -> QuerySet[Indicator]:
    queryset = Indicator.objects.all() if queryset is None else queryset
    return queryset.select_related("policy_area")


def current_realisations(
    indicator_ids: Iterable[int], years: Iterable[int]
) -> dict[tuple[int, int], Realisation]:
    """The realisation with the newest peildatum per indicator and year (ties: the newest row)."""
    result: dict[tuple[int, int], Realisation] = {}
    rows = (
        Realisation.objects.filter(indicator_id__in=list(indicator_ids), year__in=list(years))
        .select_related("source_document")
        .defer("counted")
        .order_by("indicator_id", "year", "-measured_on", "-id")
    )
    for realisation in rows:
        result.setdefault((realisation.indicator_id, realisation.year), realisation)
    return result


def adopted_targets(
    indicator_ids: Iterable[int], years: Iterable[int]
) -> dict[tuple[int, int], Target]:
    """Per indicator and year the target set in that year's begroting; failing that, the one set
    in the newest other document, then one without a document."""
    result: dict[tuple[int, int], Target] = {}
    ranked: dict[tuple[int, int], tuple[bool, bool, int, int]] = {}
    rows = Target.objects.filter(
        indicator_id__in=list(indicator_ids), year__in=list(years)
    ).select_related("set_in", "source_document", "indicator")
    for target in rows:
        key = (target.indicator_id, target.year)
        document = target.set_in
        rank = (
            document is not None and document.kind == "begroting" and document.year == target.year,
            document is not None,
            document.year if document else 0,
            target.id,
        )
        if key not in ranked or rank > ranked[key]:
            ranked[key], result[key] = rank, target
    return result


def realisation_history(indicator: Indicator) -> QuerySet[Realisation]:
    return (
        indicator.realisations.select_related("source_document")
        .defer("counted")
        .order_by("year", "-measured_on", "-id")
    )


def counted_records(realisation: Realisation) -> list[dict[str, Any]]:
    """The records behind a computed number, with their current titles and pages. A record
    deleted since still appears, by its number."""
    from django.apps import apps
    from django.urls import reverse

    counted = realisation.counted or {}
    ids = counted.get("ids") or []
    if not ids:
        return []
    model = apps.get_model(counted["model"])
    route = {
        "projects.project": "projects:project-detail",
        "agenda.activity": "agenda:activity-detail",
    }.get(counted["model"])
    titles = dict(model._default_manager.filter(pk__in=ids).values_list("pk", "title_nl"))
    return [
        {
            "id": pk,
            "label": titles.get(pk, f"#{pk}"),
            "deleted": pk not in titles,
            "url": reverse(route, args=[pk]) if route and pk in titles else "",
        }
        for pk in ids
    ]


def year_status(indicators: Iterable[Indicator], *, year: int) -> list[dict[str, Any]]:
    """Per indicator: what was realised in ``year``, the target adopted for it, and whether
    it was met (None when either is missing), as the budget writes them."""
    from .formatting import DASH, format_realisation, format_target

    indicators = list(indicators)
    ids = [indicator.pk for indicator in indicators]
    realisations = current_realisations(ids, [year, year + 1])
    targets = adopted_targets(ids, [year, year + 1])
    rows = []
    for indicator in indicators:
        realised = realisations.get((indicator.pk, year))
        target = targets.get((indicator.pk, year))
        next_target = targets.get((indicator.pk, year + 1))
        rows.append(
            {
                "indicator": indicator,
                "realised": format_realisation(indicator, realised),
                "target": format_target(target) if target else DASH,
                "met": target.is_met_by(realised.value)
                if target and realised and realised.value is not None
                else None,
                "next_target": format_target(next_target) if next_target else DASH,
            }
        )
    return rows
