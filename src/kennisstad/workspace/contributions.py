"""What ``workspace`` adds to the registry pages below it: the "import from a spreadsheet"
button of each list that can be imported. Registered in ``WorkspaceConfig.ready``."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kennisstad.accounts import access
from kennisstad.core.contributions import PageAction, page_actions

# The list page each importable kind is added to.
IMPORTABLE_LISTS = {
    "relations:organisation-list": "organisations",
    "relations:person-list": "people",
    "projects:project-list": "projects",
}


def import_button(kind: str, user: Any, obj: Any = None) -> PageAction | None:
    if not access.is_team(user):
        return None
    url = f"{reverse('workspace:import-spreadsheet')}?{urlencode({'kind': kind})}"
    return PageAction(_("Import from a spreadsheet"), url)


# Made once: ``ExtensionPoint.register`` skips a contribution it already has, and two partials
# of the same function are never equal, so a second ``register()`` would double each button.
_BUTTONS = {page: partial(import_button, kind) for page, kind in IMPORTABLE_LISTS.items()}


def register() -> None:
    for page, button in _BUTTONS.items():
        page_actions(page).register(button)
