"""The pages the browser suite visits, per role, and the routes it deliberately leaves out.

Adding a page to the site means adding one line to ``PAGES`` (who may open it and how to build its
URL) or, for a route that answers no HTML page to GET, one commented line to ``NOT_PAGES``.
``test_page_table_covers_every_route`` (plain test run) and the accessibility walk (browser run)
fail on a route that is in neither.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kennisstad.finances.models import Grant, ProjectAllocation
from kennisstad.newsletter.tests.factories import walk_edition
from kennisstad.registrations.links import manage_token
from kennisstad.registrations.models import Registration, RegistrationSettings

from .site import ADMINISTRATOR, ANONYMOUS, PARTNER, READER, ROLES, TEAM, Site

EVERYONE = frozenset(ROLES)
SIGNED_IN = frozenset({ADMINISTRATOR, TEAM, PARTNER, READER})
MUNICIPALITY = frozenset({ADMINISTRATOR, TEAM, READER})  # reads the whole registry
EDITORS = frozenset({ADMINISTRATOR, TEAM, PARTNER})  # may edit (partners: their own activities)
TEAM_ROLES = frozenset({ADMINISTRATOR, TEAM})
ADMIN_ONLY = frozenset({ADMINISTRATOR})


@dataclass(frozen=True)
class Page:
    roles: frozenset
    args: Callable[[Site], list] = field(default=lambda site: [])
    query: str = ""
    # A create/import form: also submit it empty and check the page that shows the errors.
    submit_empty: bool = False
    # A selector to wait for before checking (pages that draw with JavaScript).
    ready: str = ""

    def url(self, name: str, site: Site) -> str:
        return reverse(name, args=self.args(site)) + self.query


# url name -> who opens it and how. The records come from ``site.build_site``.
PAGES: dict[str, Page] = {
    "portal:home": Page(EVERYONE),
    "portal:accessibility": Page(EVERYONE),
    "accounts:login": Page(frozenset({ANONYMOUS}), submit_empty=True),
    "accounts:profile": Page(SIGNED_IN),
    "accounts:password-change": Page(SIGNED_IN, submit_empty=True),
    "accounts:password-reset": Page(frozenset({ANONYMOUS}), submit_empty=True),
    "accounts:password-reset-done": Page(frozenset({ANONYMOUS})),
    # A link that does not work (used or too old) shows its own page; a valid one needs a mail.
    "accounts:password-reset-confirm": Page(frozenset({ANONYMOUS}), lambda s: ["MQ", "1-x"]),
    "accounts:password-reset-complete": Page(frozenset({ANONYMOUS})),
    # The demo administrator has an authenticator (accounts.demo); the other demo users do not.
    "accounts:mfa-setup": Page(frozenset({TEAM, PARTNER, READER}), submit_empty=True),
    "accounts:mfa-recovery-codes": Page(ADMIN_ONLY),
    "accounts:mfa-remove": Page(ADMIN_ONLY, submit_empty=True),
    "workspace:home": Page(SIGNED_IN),
    "agenda:activity-list": Page(SIGNED_IN),
    "agenda:month": Page(SIGNED_IN, ready=".fc-daygrid-day"),
    "agenda:week": Page(SIGNED_IN, ready=".fc-timegrid-slot"),
    "agenda:feeds": Page(SIGNED_IN),
    "agenda:ics-import": Page(TEAM_ROLES, submit_empty=True),
    "agenda:awaiting-approval": Page(TEAM_ROLES),
    "agenda:activity-create": Page(EDITORS, submit_empty=True),
    "agenda:activity-detail": Page(SIGNED_IN, lambda s: [s.activity.pk]),
    "agenda:activity-update": Page(EDITORS, lambda s: [s.activity.pk]),
    "agenda:activity-delete": Page(EDITORS, lambda s: [s.activity.pk]),
    "projects:project-list": Page(SIGNED_IN),
    "projects:overview": Page(SIGNED_IN),
    "projects:project-create": Page(TEAM_ROLES, submit_empty=True),
    "projects:project-detail": Page(SIGNED_IN, lambda s: [s.project.pk]),
    "projects:project-update": Page(TEAM_ROLES, lambda s: [s.project.pk]),
    "projects:project-delete": Page(TEAM_ROLES, lambda s: [s.project.pk]),
    "relations:organisation-list": Page(MUNICIPALITY),
    "relations:organisation-create": Page(TEAM_ROLES, submit_empty=True),
    "relations:organisation-detail": Page(SIGNED_IN, lambda s: [s.organisation.pk]),
    "relations:organisation-update": Page(TEAM_ROLES, lambda s: [s.organisation.pk]),
    "relations:organisation-delete": Page(TEAM_ROLES, lambda s: [s.organisation.pk]),
    "relations:person-list": Page(TEAM_ROLES),
    "relations:person-create": Page(TEAM_ROLES, submit_empty=True),
    "relations:person-detail": Page(TEAM_ROLES, lambda s: [s.person.pk]),
    "relations:person-update": Page(TEAM_ROLES, lambda s: [s.person.pk]),
    "relations:person-delete": Page(TEAM_ROLES, lambda s: [s.person.pk]),
    "relations:interaction-list": Page(TEAM_ROLES),
    "relations:interaction-create": Page(TEAM_ROLES, submit_empty=True),
    "relations:interaction-detail": Page(TEAM_ROLES, lambda s: [s.interaction.pk]),
    "relations:interaction-update": Page(TEAM_ROLES, lambda s: [s.interaction.pk]),
    "relations:interaction-delete": Page(TEAM_ROLES, lambda s: [s.interaction.pk]),
    "relations:follow-ups": Page(TEAM_ROLES),
    "relations:dormant": Page(TEAM_ROLES),
    "relations:duplicates": Page(TEAM_ROLES),
    "relations:organisation-merge": Page(
        TEAM_ROLES, lambda s: [s.organisation.pk, s.other_organisation.pk]
    ),
    "relations:person-merge": Page(TEAM_ROLES, lambda s: [s.person.pk, s.other_person.pk]),
    "relations:person-personal-data": Page(TEAM_ROLES, lambda s: [s.person.pk]),
    "relations:person-erase": Page(TEAM_ROLES, lambda s: [s.other_person.pk]),
    "relations:personal-data-log": Page(TEAM_ROLES),
    "portal:projects": Page(EVERYONE),
    "portal:project": Page(EVERYONE, lambda s: [s.project.pk]),
    "portal:calendar": Page(EVERYONE),
    "portal:indicators": Page(EVERYONE),
    "portal:integrity": Page(EVERYONE),
    "portal:partner-cities": Page(EVERYONE),
    "search:results": Page(SIGNED_IN, query="?q=groningen"),
    "workspace:import-spreadsheet": Page(TEAM_ROLES, submit_empty=True),
    "finances:ledger-lines": Page(TEAM_ROLES),
    "finances:ledger-imports": Page(TEAM_ROLES),
    "finances:ledger-upload": Page(TEAM_ROLES, submit_empty=True),
    "delegations:delegation-list": Page(SIGNED_IN),
    "delegations:delegation-create": Page(TEAM_ROLES, submit_empty=True),
    "delegations:delegation-detail": Page(MUNICIPALITY, lambda s: [s.delegation.pk]),
    "delegations:delegation-update": Page(TEAM_ROLES, lambda s: [s.delegation.pk]),
    "delegations:delegation-delete": Page(TEAM_ROLES, lambda s: [s.delegation.pk]),
    "integrity:register": Page(MUNICIPALITY),
    "integrity:office-holder-list": Page(MUNICIPALITY),
    "integrity:office-holder-create": Page(TEAM_ROLES, submit_empty=True),
    "integrity:office-holder-detail": Page(MUNICIPALITY, lambda s: [_integrity("OfficeHolder")]),
    "integrity:office-holder-update": Page(TEAM_ROLES, lambda s: [_integrity("OfficeHolder")]),
    "integrity:gift-received-list": Page(MUNICIPALITY),
    "integrity:gift-received-create": Page(TEAM_ROLES, submit_empty=True),
    "integrity:gift-received-detail": Page(MUNICIPALITY, lambda s: [_integrity("GiftReceived")]),
    "integrity:gift-received-update": Page(TEAM_ROLES, lambda s: [_integrity("GiftReceived")]),
    "integrity:gift-given-list": Page(MUNICIPALITY),
    "integrity:gift-given-create": Page(TEAM_ROLES, submit_empty=True),
    "integrity:gift-given-detail": Page(MUNICIPALITY, lambda s: [_integrity("GiftGiven")]),
    "integrity:gift-given-update": Page(TEAM_ROLES, lambda s: [_integrity("GiftGiven")]),
    "integrity:trip-list": Page(MUNICIPALITY),
    "integrity:trip-create": Page(TEAM_ROLES, submit_empty=True),
    "integrity:trip-detail": Page(MUNICIPALITY, lambda s: [_integrity("ThirdPartyTrip")]),
    "integrity:trip-update": Page(TEAM_ROLES, lambda s: [_integrity("ThirdPartyTrip")]),
    "delegations:travel-register": Page(MUNICIPALITY),
    "privacy:retention": Page(MUNICIPALITY),
    "privacy:retention-edit": Page(ADMIN_ONLY, lambda s: ["relations.person"]),
    "privacy:register": Page(MUNICIPALITY),
    "indicators:indicator-list": Page(MUNICIPALITY),
    "indicators:indicator-create": Page(TEAM_ROLES, submit_empty=True),
    "indicators:indicator-detail": Page(MUNICIPALITY, lambda s: [s.indicator.pk], "?year=2016"),
    "indicators:indicator-update": Page(TEAM_ROLES, lambda s: [s.indicator.pk]),
    "indicators:realisation-create": Page(
        TEAM_ROLES, lambda s: [s.indicator.pk], submit_empty=True
    ),
    "indicators:target-create": Page(TEAM_ROLES, lambda s: [s.indicator.pk], submit_empty=True),
    "indicators:my-indicators": Page(frozenset({PARTNER})),
    "indicators:deliver": Page(
        frozenset({PARTNER}), lambda s: [s.partner_indicator.pk], submit_empty=True
    ),
    "indicators:deliveries-awaiting": Page(TEAM_ROLES),
    "planning:document-list": Page(MUNICIPALITY),
    "planning:document-create": Page(TEAM_ROLES, submit_empty=True),
    "planning:chapter-import": Page(TEAM_ROLES, submit_empty=True),
    "planning:chapter-detail": Page(MUNICIPALITY, lambda s: [s.chapter.pk]),
    "planning:document-detail": Page(MUNICIPALITY, lambda s: [s.chapter.document_id]),
    "planning:action-update": Page(TEAM_ROLES, lambda s: [s.action.pk]),
    "planning:section-update": Page(TEAM_ROLES, lambda s: [s.draft_section.pk]),
    "finances:overview": Page(TEAM_ROLES),
    "finances:grant-list": Page(SIGNED_IN),
    "finances:grant-create": Page(TEAM_ROLES, submit_empty=True),
    # The demo's grant to the partner's own organisation (RUG), so partners may open it too.
    "finances:grant-detail": Page(SIGNED_IN, lambda s: [_partners_grant(s)]),
    "finances:grant-update": Page(TEAM_ROLES, lambda s: [_partners_grant(s)]),
    # Funding applications are the municipality's internal work: partners see none.
    "funding:application-list": Page(MUNICIPALITY),
    "funding:pipeline": Page(MUNICIPALITY),
    "funding:application-create": Page(TEAM_ROLES, submit_empty=True),
    "funding:application-detail": Page(MUNICIPALITY, lambda s: [_application()]),
    "funding:application-update": Page(TEAM_ROLES, lambda s: [_application()]),
    "funding:application-delete": Page(TEAM_ROLES, lambda s: [_application()]),
    "finances:allocation-create": Page(TEAM_ROLES, submit_empty=True),
    "finances:allocation-detail": Page(TEAM_ROLES, lambda s: [_allocation()]),
    "finances:allocation-update": Page(TEAM_ROLES, lambda s: [_allocation()]),
    "finances:allocation-delete": Page(TEAM_ROLES, lambda s: [_allocation()]),
    "planning:finance-explanation": Page(TEAM_ROLES, lambda s: [s.draft.pk, "lasten"]),
    "planning:deadline-list": Page(MUNICIPALITY),
    "planning:deadline-create": Page(TEAM_ROLES, submit_empty=True),
    "planning:deadline-detail": Page(MUNICIPALITY, lambda s: [s.deadline.pk]),
    "planning:deadline-update": Page(TEAM_ROLES, lambda s: [s.deadline.pk]),
    "planning:deadline-delete": Page(TEAM_ROLES, lambda s: [s.deadline.pk]),
    "checklists:template-list": Page(MUNICIPALITY),
    "checklists:template-create": Page(TEAM_ROLES, submit_empty=True),
    "checklists:template-detail": Page(MUNICIPALITY, lambda s: [_checklist().template_id]),
    "checklists:template-update": Page(TEAM_ROLES, lambda s: [_checklist().template_id]),
    "checklists:my-tasks": Page(MUNICIPALITY),
    "checklists:apply-activity": Page(TEAM_ROLES, lambda s: [s.activity.pk], submit_empty=True),
    "checklists:apply-delegation": Page(TEAM_ROLES, lambda s: [s.delegation.pk], submit_empty=True),
    "checklists:checklist-detail": Page(MUNICIPALITY, lambda s: [_checklist().pk]),
    "checklists:checklist-delete": Page(TEAM_ROLES, lambda s: [_checklist().pk]),
    "checklists:task-create": Page(TEAM_ROLES, lambda s: [_checklist().pk], submit_empty=True),
    "checklists:task-update": Page(TEAM_ROLES, lambda s: [_checklist().tasks.first().pk]),
    # Files on records (attachments): adding one to each kind of record, and one file's pages.
    "attachments:add-to-project": Page(TEAM_ROLES, lambda s: [s.project.pk], submit_empty=True),
    "attachments:add-to-organisation": Page(TEAM_ROLES, lambda s: [s.organisation.pk]),
    "attachments:add-to-delegation": Page(TEAM_ROLES, lambda s: [s.delegation.pk]),
    # The walk's activity is organised by the partner's organisation: partners add files to it.
    "attachments:add-to-activity": Page(EDITORS, lambda s: [s.activity.pk]),
    "attachments:add-to-grant": Page(TEAM_ROLES, lambda s: [_partners_grant(s)]),
    "attachments:add-to-chapter": Page(TEAM_ROLES, lambda s: [s.chapter.pk]),
    "attachments:add-to-agreement": Page(TEAM_ROLES, lambda s: [_agreement()]),
    # Agreements with partner cities: the municipality's side (partners see the portal's list).
    "agreements:agreement-list": Page(MUNICIPALITY),
    "agreements:agreement-create": Page(TEAM_ROLES, submit_empty=True),
    "agreements:agreement-detail": Page(MUNICIPALITY, lambda s: [_agreement()]),
    "agreements:agreement-update": Page(TEAM_ROLES, lambda s: [_agreement()]),
    "agreements:agreement-delete": Page(TEAM_ROLES, lambda s: [_agreement()]),
    "attachments:add-to-funding_application": Page(TEAM_ROLES, lambda s: [_application()]),
    # A file on the walk's project (public, the partner's organisation's): everyone signed in.
    "attachments:attachment-detail": Page(SIGNED_IN, lambda s: [_attachment(s)]),
    "attachments:attachment-update": Page(TEAM_ROLES, lambda s: [_attachment(s)]),
    "attachments:attachment-delete": Page(TEAM_ROLES, lambda s: [_attachment(s)]),
    "attachments:version-create": Page(TEAM_ROLES, lambda s: [_attachment(s)], submit_empty=True),
    "attachments:version-delete": Page(TEAM_ROLES, lambda s: [_older_version(s)]),
    "attachments:download-log": Page(TEAM_ROLES),
    "newsletter:subscribe": Page(EVERYONE, submit_empty=True),
    "newsletter:subscribe-sent": Page(EVERYONE),
    # A link that does not work shows its own page; valid ones: test_newsletter_subscribe.py.
    "newsletter:confirm": Page(EVERYONE, lambda s: ["x"]),
    "newsletter:unsubscribe": Page(EVERYONE, lambda s: ["x"]),
    "newsletter:edition-list": Page(TEAM_ROLES),
    "newsletter:edition-create": Page(TEAM_ROLES, submit_empty=True),
    "newsletter:edition-detail": Page(TEAM_ROLES, lambda s: [walk_edition()]),
    "newsletter:edition-update": Page(TEAM_ROLES, lambda s: [walk_edition()]),
    "newsletter:edition-preview": Page(TEAM_ROLES, lambda s: [walk_edition(), "en"]),
    "newsletter:subscriber-list": Page(TEAM_ROLES),
    "newsletter:subscriber-erase": Page(TEAM_ROLES),
    # A few admin pages (configuration); the rest of the admin is Django's own.
    "admin:index": Page(ADMIN_ONLY),
    "admin:core_theme_changelist": Page(ADMIN_ONLY),
    "admin:core_theme_add": Page(ADMIN_ONLY),
    # Registration (the demo's IWCN welcome reception): the public form and the registrant's
    # personal link for everyone, the lists and check-in for the team.
    "registrations:register": Page(EVERYONE, lambda s: [_reception()], submit_empty=True),
    "registrations:manage": Page(EVERYONE, lambda s: [_registrant_token()]),
    "registrations:cancel": Page(EVERYONE, lambda s: [_registrant_token()]),
    "registrations:settings": Page(TEAM_ROLES, lambda s: [_reception()]),
    "registrations:attendees": Page(TEAM_ROLES, lambda s: [_reception()]),
    "registrations:printable": Page(TEAM_ROLES, lambda s: [_reception()]),
    "registrations:check-in": Page(TEAM_ROLES, lambda s: [_reception()]),
}

# The error pages a role can meet: (status, who, a path that gives it).
ERROR_PAGES = [
    (404, EVERYONE, "/bestaat-niet/"),
    (403, frozenset({PARTNER, READER}), "/projects/new/"),
]

# Routes that answer no HTML page to GET, with the reason.
NOT_PAGES: dict[str, str] = {
    "accounts:logout": "POST only",
    "accounts:oidc-sign-in": "redirect to the identity provider (404 while OIDC is off)",
    "accounts:oidc-callback": "redirect back from the identity provider (404 while OIDC is off)",
    "accounts:mfa-verify": (
        "the sign-in's code step: only a session that still owes its code sees it, and the walk's "
        "sessions have passed it (accounts/tests/test_second_factor.py renders it)"
    ),
    "set_language": "POST only (the language buttons on every page)",
    "theme-css": "stylesheet (the municipality's colours, linked by every page)",
    "healthz": "JSON health check for load balancers (alive)",
    "readyz": "JSON health check for load balancers (database and Redis reachable)",
    "agenda:events": "JSON for the calendar widget",
    "agenda:public-feed": "iCalendar feed",
    "agenda:personal-feed": "iCalendar feed",
    "projects:project-suggest": "HTML fragment for the chooser (checked inside the forms)",
    "relations:organisation-suggest": "HTML fragment for the chooser (checked inside the forms)",
    "relations:person-suggest": "HTML fragment for the chooser (checked inside the forms)",
    "planning:chapter-export": "download (md, html, csv, xlsx, docx, json)",
    "planning:document-export": "download (md, html, csv, xlsx, docx, json)",
    "planning:document-publish": "POST only",
    "planning:document-cycle": "POST only (offer, adopt, publish, amend, progress, forecast)",
    "indicators:indicator-compute": "POST only",
    "indicators:official-choose": "POST only (a refused choice re-renders the indicator page)",
    "indicators:official-withdraw": "POST only",
    "relations:interaction-complete": "POST only",
    "finances:grant-step": "POST only (award, settle, withdraw; a refusal re-renders the grant)",
    "checklists:task-done": "POST only (the button beside each task)",
    "checklists:task-reopen": "POST only (the button beside each done task)",
    "attachments:download": "the file itself (a download, not a page)",
    "attachments:version-download": "an older version of the file itself (a download)",
    "newsletter:edition-test": "POST only (a refused address re-renders the edition)",
    "newsletter:edition-send": "POST only",
    "newsletter:edition-resend-unknown": "POST only",
    "newsletter:unsubscribe-one-click": "POST only (RFC 8058 one-click, from mail programs)",
    "registrations:no-shows": "POST only (the button on the attendee list)",
    "registrations:team-cancel": "POST only (a button per registration on the attendee list)",
    "portal:integrity-download": "download of a published period's register (xlsx, csv, docx)",
}
# Whole namespaces left out: the REST API (JSON; its Swagger page is a third-party widget) and
# the admin beyond the few pages above (Django's own screens).
NOT_PAGE_NAMESPACES = ("api:", "admin:")


def _integrity(model_name: str) -> int:
    from django.apps import apps  # the demo's integrity registers

    return apps.get_model("integrity", model_name).objects.order_by("pk").first().pk


def _checklist():
    from kennisstad.checklists.models import Checklist  # the demo's, on the Tianjin delegation

    return Checklist.objects.order_by("pk").first()


def _agreement() -> int:
    from kennisstad.agreements.models import Agreement  # the demo's, with Bremen and Oldenburg

    return Agreement.objects.filter(kind="trilateral").order_by("pk").first().pk


def _application() -> int:
    from kennisstad.funding.models import Application  # the demo's, with partners and reports

    return Application.objects.filter(obligations__isnull=False).order_by("pk").first().pk


def _partners_grant(site: Site) -> int:
    return Grant.objects.filter(organisation=site.organisation).order_by("pk").first().pk


def _attachment(site: Site) -> int:
    """The file on the walk's project, added on first use (the demo has no files); shared with
    partners, so the partner's view of a file is walked too."""
    from kennisstad.accounts.models import Role, User
    from kennisstad.attachments.models import Attachment
    from kennisstad.attachments.tests.factories import attachment_on

    existing = Attachment.objects.filter(project=site.project).order_by("pk").first()
    if existing is not None:
        return existing.pk
    team = User.objects.filter(role=Role.TEAM_MEMBER).order_by("pk").first()
    return attachment_on(site.project, team, title="Projectplan", shared_with_partners=True).pk


def _older_version(site: Site) -> int:
    """Version 1 of the walk's file, once a second version is up (only older ones are deleted)."""
    from kennisstad.accounts.models import Role, User
    from kennisstad.attachments.models import Attachment
    from kennisstad.attachments.services import add_version
    from kennisstad.attachments.tests.factories import upload

    attachment = Attachment.objects.get(pk=_attachment(site))
    if attachment.versions.count() < 2:
        team = User.objects.filter(role=Role.TEAM_MEMBER).order_by("pk").first()
        add_version(attachment=attachment, user=team, upload=upload("v2.pdf"), name="v2.pdf")
    return attachment.versions.get(number=1).pk


def _reception() -> int:
    return RegistrationSettings.objects.order_by("pk").first().activity_id


def _registrant_token() -> str:
    registration = Registration.objects.filter(status="confirmed").order_by("pk").first()
    return manage_token(registration)


def _allocation() -> int:
    return ProjectAllocation.objects.order_by("pk").first().pk


def route_names(patterns=None, namespace: str = "") -> list[str]:
    """Every named URL pattern of the site, as ``namespace:name``."""
    names = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names += route_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.append(f"{namespace}{entry.name}")
    return sorted(set(names))


def unlisted_routes() -> list[str]:
    """Routes neither in the walk nor deliberately left out."""
    return [
        name
        for name in route_names()
        if name not in PAGES and name not in NOT_PAGES and not name.startswith(NOT_PAGE_NAMESPACES)
    ]


def pages_for(role: str) -> list[str]:
    return [name for name, page in PAGES.items() if role in page.roles]
