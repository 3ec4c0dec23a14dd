"""The site the browser suite walks: the Groningen demo scenario (with its Begroting 2018 chapter
2.1.4, the seed chapter as published, adopted), next year's draft begroting, and one record of
each kind that every role may open (so one URL per page serves all roles)."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from kennisstad.agenda.models import Activity
from kennisstad.delegations.models import Delegation
from kennisstad.indicators.models import Indicator
from kennisstad.indicators.services import compute_all, save_indicator
from kennisstad.planning.models import Chapter
from kennisstad.planning.services import create_document
from kennisstad.policy.models import DocumentKind
from kennisstad.projects.models import Project
from kennisstad.relations.models import Interaction, Organisation, Person
from kennisstad.workspace.demo import load_demo

ANONYMOUS = "anonymous"
ADMINISTRATOR = "administrator"
TEAM = "team"
PARTNER = "partner"
READER = "reader"
ROLES = (ANONYMOUS, ADMINISTRATOR, TEAM, PARTNER, READER)

# The demo's login per role (accounts.demo.USERS).
USERNAMES = {ADMINISTRATOR: "admin", TEAM: "team", PARTNER: "partner", READER: "reader"}
PASSWORDS = {
    ADMINISTRATOR: "kennisstad-admin",
    TEAM: "kennisstad-team",
    PARTNER: "kennisstad-partner",
    READER: "kennisstad-reader",
}


@dataclass(frozen=True)
class Site:
    """The records the page table builds its URLs from."""

    organisation: Organisation  # the partner's own organisation, so partners may open it too
    person: Person
    interaction: Interaction
    project: Project  # public and led by the partner's organisation
    activity: Activity  # public and organised by the partner's organisation (partner may edit)
    indicator: Indicator
    chapter: Chapter  # the seed chapter, published and adopted
    draft: Chapter  # next year's draft copy, whose text may still be edited
    other_organisation: Organisation  # a second one, for the merge page
    other_person: Person
    delegation: Delegation
    partner_indicator: Indicator  # owned by the partner's organisation: it delivers the figures

    @property
    def document(self):
        return self.chapter.document

    @property
    def action(self):
        return self.chapter.actions.order_by("pk").first()

    @property
    def section(self):
        return self.chapter.sections.order_by("pk").first()

    @property
    def draft_section(self):
        return self.draft.sections.order_by("pk").first()

    @property
    def deadline(self):
        from kennisstad.policy.models import Deadline  # the demo's P&C calendar

        return Deadline.objects.order_by("due_on", "pk").first()


def build_site(*, with_budget: bool = True) -> Site | None:
    """Load the demo (and next year's draft); returns the records the walk uses."""
    load_demo()
    if not with_budget:
        return None
    compute_all(years=range(2015, 2020))
    # The demo's seed chapter, imported (published) and adopted: on the portal, its text locked.
    chapter = Chapter.objects.get(
        document__kind=DocumentKind.BEGROTING, document__year=2018, policy_area__code="2.1.4"
    )
    draft = create_document(
        kind=DocumentKind.BEGROTING,
        year=chapter.document.year + 1,
        user=None,
        copy_from=chapter.document,
    )
    organisation = Organisation.objects.get(name="Rijksuniversiteit Groningen")
    return Site(
        organisation=organisation,
        person=Person.objects.filter(organisations=organisation).order_by("pk").first(),
        interaction=Interaction.objects.filter(organisations=organisation).order_by("pk").first(),
        project=Project.objects.filter(is_public=True).order_by("pk").first(),
        activity=Activity.objects.filter(organiser_organisation=organisation, visibility="public")
        .order_by("pk")
        .first(),
        indicator=Indicator.objects.get(code__endswith="samenwerking-kennis-innovatie"),
        chapter=chapter,
        draft=draft.chapters.get(),
        other_organisation=Organisation.objects.exclude(pk=organisation.pk).order_by("pk").first(),
        other_person=Person.objects.exclude(organisations=organisation).order_by("pk").first(),
        delegation=Delegation.objects.order_by("pk").first(),
        partner_indicator=Indicator.objects.filter(owner_organisation=organisation).first()
        or save_indicator(
            indicator=Indicator(
                code="browser-rug-figures",
                name_nl="Aantal internationale studenten RUG",
                policy_area=chapter.policy_area,
                kind="effect",
                owner_organisation=organisation,
            ),
            user=None,
        ),
    )


def session_cookie(role: str, base_url: str) -> list[dict]:
    """A logged-in session for the role's demo user, as a browser cookie (no login form)."""
    if role == ANONYMOUS:
        return []
    client = Client()
    client.force_login(get_user_model().objects.get(username=USERNAMES[role]))
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return [{"name": settings.SESSION_COOKIE_NAME, "value": value, "url": base_url}]
