"""A small registry with a record of every kind and every internal field filled in, for the
site-wide tests that walk all forms or API endpoints: whatever a partner or visitor must not see
is there to leak. (The demo is for showing; tests build the data they check.)"""

import datetime
from decimal import Decimal

from django.utils import timezone

from kennisstad.agenda.tests.factories import AMSTERDAM, ActivityFactory
from kennisstad.agreements.tests.factories import AgreementFactory
from kennisstad.checklists.services import apply_template
from kennisstad.checklists.tests.factories import template_with_items
from kennisstad.core.models import Theme
from kennisstad.delegations.models import DelegationMember, ProgrammeItem
from kennisstad.delegations.tests.factories import (
    DelegationFactory,
    TravelCostFactory,
    VisitFactory,
)
from kennisstad.finances.tests.factories import GrantFactory, ProjectAllocationFactory
from kennisstad.funding.tests.factories import ApplicationFactory
from kennisstad.indicators.tests.factories import RealisationFactory, TargetFactory
from kennisstad.integrity.tests.factories import (
    GiftGivenFactory,
    GiftReceivedFactory,
    ThirdPartyTripFactory,
)
from kennisstad.projects.models import ProjectPartner
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.tests.factories import (
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
)

NOTE = "Intern: nog niet met de partner besproken."


def full_registry(owner) -> dict:
    """Around one partner organisation (``"partner"``): projects it leads (public) and takes part
    in (internal), activities of every visibility it organises, an incoming delegation it is
    visited by and an outgoing mission, all owned by ``owner`` with team members, contacts,
    budgets, gifts, travel costs and notes; and an indicator with a target and a realisation."""
    partner = OrganisationFactory(name="Hanzehogeschool Groningen", relationship_owner=owner)
    other = OrganisationFactory(name="Stadt Oldenburg", kind="foreign_government", country="DE")
    person = PersonFactory(phone="+31 50 123 4567", job_title="Coördinator internationaal")
    person.organisations.add(partner)
    interaction = InteractionFactory(notes=NOTE, owner=owner)
    interaction.organisations.add(partner)
    interaction.people.add(person)
    projects = _projects(owner, partner, other)
    activities = _activities(owner, partner, person, projects[0])
    delegations = _delegations(owner, partner, other, person, projects[0])
    # The visit's preparation: a checklist with tasks (checklists' pages need one).
    apply_template(template=template_with_items(), user=owner, delegation=delegations[0])
    target = TargetFactory(note=NOTE)
    RealisationFactory(indicator=target.indicator, note=NOTE)
    GrantFactory(organisation=partner, project=projects[0], owner=owner)
    ProjectAllocationFactory(project=projects[0], spent=Decimal("80000"))
    # An internal agreement with the partner city, the project and the visit under it.
    agreement = AgreementFactory(summary_nl=NOTE, relationship_owner=owner, parties=[other])
    agreement.projects.add(projects[0])
    agreement.delegations.add(delegations[0])
    application = ApplicationFactory(project=projects[0], owner=owner)
    application.partners.create(organisation=partner, role="lead")
    application.obligations.create(kind="interim", due_on=datetime.date(2019, 3, 31))
    return {
        "partner": partner,
        "person": person,
        "interaction": interaction,
        "projects": projects,
        "activities": [*activities, delegations[0].activity],
        "delegations": delegations,
        "agreements": [agreement],
    }


def _projects(owner, partner, other) -> list:
    themes = list(Theme.objects.all()[:1])
    led = ProjectFactory(
        is_public=True, lead_organisation=partner, owner=owner, budget=Decimal("85000")
    )
    joined = ProjectFactory(is_public=False, owner=owner, budget=Decimal("12000"))
    for project, role in ((led, "lead"), (joined, "partner")):
        project.themes.set(themes)
        ProjectPartner.objects.create(project=project, organisation=partner, role=role)
    ProjectPartner.objects.create(project=led, organisation=other, role="knowledge_partner")
    return [led, joined]


def _activities(owner, partner, person, project) -> list:
    activities = [
        ActivityFactory(
            visibility=visibility,
            organiser_organisation=partner,
            project=project,
            publication_approved_at=timezone.now() if visibility == "public" else None,
        )
        for visibility in ("public", "partners", "internal")
    ]
    for activity in activities:
        activity.team_participants.add(owner)
        activity.people.add(person)
        activity.themes.set(Theme.objects.all()[:1])
    return activities


def _delegations(owner, partner, other, person, project) -> list:
    visit = VisitFactory(visibility="partners", organiser_organisation=partner, project=project)
    delegation = DelegationFactory(
        activity=visit,
        organisation=other,
        dietary_requirements="Vegetarisch",
        accessibility="Rolstoeltoegankelijk vervoer",
        notes=NOTE,
    )
    delegation.host_users.add(owner)
    delegation.host_people.add(person)
    DelegationMember.objects.create(
        delegation=delegation, person=person, function="Burgemeester", is_head=True
    )
    ProgrammeItem.objects.create(
        delegation=delegation,
        starts_at=visit.starts_at,
        ends_at=visit.starts_at + datetime.timedelta(hours=2),
        title_nl="Ontvangst op het stadhuis",
        responsible_user=owner,
        responsible_person=person,
    )
    gift = GiftReceivedFactory(delegation=delegation, estimated_value=Decimal("75.00"))
    GiftGivenFactory(delegation=delegation)
    ThirdPartyTripFactory(office_holder=gift.recipient)
    mission = TravelCostFactory(
        delegation__activity__visibility="partners",
        delegation__activity__starts_at=datetime.datetime(2026, 11, 10, 9, tzinfo=AMSTERDAM),
        delegation__activity__ends_at=datetime.datetime(2026, 11, 11, 17, tzinfo=AMSTERDAM),
        delegation__notes=NOTE,
    ).delegation
    mission.host_users.add(owner)
    return [delegation, mission]
