"""Every create, edit and delete page has a Cancel link, and it leads to a page that exists:
the form pages are found in the URLconf, not listed by hand, so a new form is checked too."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.views.generic.edit import DeletionMixin, FormMixin

from kennisstad.attachments.services import add_version
from kennisstad.attachments.tests.factories import attachment_on, upload
from kennisstad.newsletter.tests.factories import EditionFactory
from kennisstad.planning.services import create_document
from kennisstad.planning.tests.factories import import_seed
from kennisstad.policy.models import Document
from kennisstad.policy.tests.factories import DeadlineFactory
from kennisstad.projects.models import Project
from kennisstad.tests.factories import full_registry

pytestmark = pytest.mark.django_db
CANCEL_WORDS = {"annuleren", "cancel", "terug", "back"}
# Sign-in steps: the code step opens only for a session that still owes its code, removing the
# authenticator only for an account that has one (accounts/tests/test_second_factor.py).
NOT_A_RECORD_FORM = {"login", "mfa-verify", "mfa-remove"}
# Forms only a partner editor opens (this walk signs in as a team member); their own tests
# follow their Cancel link.
PARTNER_FORMS = {"deliver"}
# Forms only an administrator opens (the municipality's retention periods); their own tests
# follow their Cancel link.
ADMINISTRATOR_FORMS = {"retention-edit"}
SKIPPED_FORMS = NOT_A_RECORD_FORM | PARTNER_FORMS | ADMINISTRATOR_FORMS


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._text = dict(attrs).get("href"), ""

    def handle_data(self, data):
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, self._text.strip()))
            self._href = None


def cancel_links(page: str) -> list[str]:
    parser = _Links()
    parser.feed(page)
    return [href for href, text in parser.links if text.lower() in CANCEL_WORDS]


def form_routes(resolver=None, prefix="/"):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from form_routes(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            view = getattr(pattern.callback, "view_class", None)
            is_form = view is not None and issubclass(view, FormMixin | DeletionMixin)
            if is_form and pattern.name not in SKIPPED_FORMS:
                yield prefix + str(pattern.pattern), view


def candidate_urls(route: str, view) -> list[str]:
    """The route filled in with a few stored records (a record may be locked for editing,
    e.g. a section of an adopted budget, so more than one is tried)."""
    from kennisstad.indicators.models import Indicator

    route = route.replace("<str:row>", "lasten")  # a row of a chapter's finance table
    names = re.findall(r"<int:(\w+)>", route)
    if not names:
        return [route]
    if names == ["indicator_pk"]:
        pks = Indicator.objects.order_by("pk").values_list("pk", flat=True)[:1]
    else:
        pks = view.model._default_manager.order_by("-pk").values_list("pk", flat=True)[:20]
    return [re.sub(r"<int:\w+>", str(pk), route) for pk in pks]


def test_every_cancel_link_on_every_form_leads_to_a_page(team_member, client_for):
    full_registry(team_member)
    # A draft chapter (next year's, from the imported one): its sections are editable, its
    # actions linkable.
    import_seed()
    create_document(
        kind="begroting", year=2019, user=team_member, copy_from=Document.objects.get(year=2018)
    )
    DeadlineFactory()  # the P&C calendar's edit and delete pages need one
    # A file's pages need one; deleting an older version needs a second version.
    attachment = attachment_on(Project.objects.order_by("pk").first(), team_member)
    add_version(attachment=attachment, user=team_member, upload=upload("v2.pdf"), name="v2.pdf")
    EditionFactory()  # the newsletter edition's edit page needs a draft
    client = client_for(team_member)
    routes = list(form_routes())
    assert len(routes) > 20
    broken, without_cancel, unopened = [], [], []
    for route, view in routes:
        opened = False
        for url in candidate_urls(route, view):
            response = client.get(url)
            if response.status_code != 200:
                continue
            opened = True
            links = cancel_links(response.content.decode())
            if not links and getattr(view, "model", None):  # imports have no record to leave
                without_cancel.append(url)
            for href in links:
                target = urljoin(url, href)
                status = client.get(target).status_code
                if status not in (200, 302):
                    broken.append(f"{url} → {target}: {status}")
        if not opened:
            unopened.append(route)
    assert broken == []
    assert unopened == []
    assert without_cancel == []
