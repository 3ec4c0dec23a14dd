"""Extension points: a lower app declares one, higher apps add to it when Django starts.

Layers point down only, yet an organisation's page shows its projects and activities, and a
project's page its activities. The lower app (``relations``, ``projects``) declares an extension
point; the higher app (``projects``, ``agenda``) registers a contribution from its
``AppConfig.ready``. The lower app never imports the higher one and still shows what it adds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class PageSection:
    """A part of a page contributed by another app: its template and that template's context."""

    template_name: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


class ExtensionPoint:
    """A named list of contributions (callables), kept in registration order."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._contributions: list[Callable[..., Any]] = []

    def register(self, contribution: Callable[..., Any]) -> Callable[..., Any]:
        """Add ``contribution`` once (usable as a decorator); registering twice is harmless."""
        if contribution not in self._contributions:
            self._contributions.append(contribution)
        return contribution

    def __iter__(self) -> Iterator[Callable[..., Any]]:
        return iter(tuple(self._contributions))

    def __repr__(self) -> str:
        return f"<ExtensionPoint {self.name}: {len(self._contributions)} contribution(s)>"


def page_sections(point: ExtensionPoint, *args: Any, **kwargs: Any) -> list[PageSection]:
    """Ask every contribution of ``point`` for its section; leave out those that return None."""
    sections = [contribution(*args, **kwargs) for contribution in point]
    return sorted((s for s in sections if s is not None), key=lambda section: section.order)


@dataclass(frozen=True)
class PageAction:
    """A button another app adds to a page: to its own page (``url``) with ``label``."""

    label: str
    url: str
    order: int = 100


_PAGE_ACTIONS: dict[str, ExtensionPoint] = {}


def page_actions(page: str) -> ExtensionPoint:
    """The extension point for the buttons of the page named ``page`` (its URL name, e.g.
    ``projects:project-detail``). Each contribution: (user, obj) -> PageAction | None."""
    return _PAGE_ACTIONS.setdefault(page, ExtensionPoint(f"actions of {page}"))


def actions_for(page: str, user: Any, obj: Any = None) -> list[PageAction]:
    """The buttons other apps add to ``page`` for ``user`` (and the record it shows)."""
    actions = [contribution(user, obj) for contribution in page_actions(page)]
    return sorted((a for a in actions if a is not None), key=lambda action: action.order)
