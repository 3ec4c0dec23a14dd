"""How a demo project is written down: one ``ProjectSpec`` per project, with organisations,
owners and themes named by their scenario keys."""

import datetime
from dataclasses import dataclass

from kennisstad.projects.models import PartnerRole, ProjectCategory

COLLABORATION = ProjectCategory.COLLABORATION
PROFILING = ProjectCategory.PROFILING
WELCOME = ProjectCategory.WELCOME_POLICY


@dataclass(frozen=True)
class ProjectSpec:
    category: str
    title_nl: str
    title_en: str
    description_nl: str
    description_en: str
    status: str
    start: datetime.date | None
    end: datetime.date | None
    themes: tuple[str, ...] = ()
    lead: str | None = None
    partners: tuple[tuple[str, str], ...] = ()
    countries: tuple[str, ...] = ("NL",)
    budget: int | None = None
    outcome_nl: str = ""
    outcome_en: str = ""
    is_public: bool = False
    owner: str = "team"
    # Planned projects start this many years after the year of loading (then ``start``/``end``
    # give only month and day).
    years_ahead: int | None = None


D = datetime.date
LEAD, PARTNER, KNOWLEDGE, FUNDER, ADVISOR = (
    PartnerRole.LEAD,
    PartnerRole.PARTNER,
    PartnerRole.KNOWLEDGE_PARTNER,
    PartnerRole.FUNDER,
    PartnerRole.ADVISOR,
)
