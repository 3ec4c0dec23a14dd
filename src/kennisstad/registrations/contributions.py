"""What ``registrations`` adds to the activity page: a section with the registration's state
and counts, and a button to open (or manage) registration. Registered in
``RegistrationsConfig.ready``."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext

from kennisstad.agenda.pages import ACTIVITY_SECTIONS
from kennisstad.core.contributions import PageAction, PageSection, page_actions

from . import selectors


def registration_section(activity: Any, *, user: Any) -> PageSection | None:
    """For who may manage the activity: the counts and links; nothing if not set up."""
    if not selectors.may_manage(user, activity):
        return None
    config = selectors.settings_for(activity)
    if config is None:
        return None
    context = {
        "activity": activity,
        "config": config,
        "counts": selectors.counts_for(activity),
        "places_left": selectors.places_left(config),
    }
    return PageSection("registrations/_activity_section.html", context, order=50)


def registration_button(user: Any, activity: Any = None) -> PageAction | None:
    if activity is None or not selectors.may_manage(user, activity):
        return None
    if selectors.settings_for(activity) is None:
        return PageAction(
            gettext("Open registration"), reverse("registrations:settings", args=[activity.pk])
        )
    return PageAction(
        gettext("Registrations"), reverse("registrations:attendees", args=[activity.pk])
    )


def register() -> None:
    ACTIVITY_SECTIONS.register(registration_section)
    page_actions("agenda:activity-detail").register(registration_button)
