"""Demo checklists: the four kinds of preparation the team repeats (incoming delegation, outgoing
mission, conference stand, reception), applied to the Tianjin delegation and the Brussels
mission. Idempotent: templates are found by their Dutch name, checklists by template and
delegation; what exists is left alone. Tasks that fell due before today are ticked off, except
one, so the dashboard shows an overdue task."""

from __future__ import annotations

from functools import partial

from django.utils import timezone

from kennisstad.agenda.demo import UID_TEMPLATE
from kennisstad.core.demo import DemoLoad
from kennisstad.delegations.models import Delegation

from .models import Checklist, ChecklistTemplate, WorkKind
from .services import apply_template, mark_done, save_template

# (days from the event, Dutch title, English title, description, default owner's username)
INCOMING = (
    (
        -56,
        "Programma opstellen en afstemmen met de gasten",
        "Draft the programme and agree it with the guests",
        "Met de ambassade of het consulaat; inclusief bedrijfs- en kennisbezoeken.",
        "team",
    ),
    (
        -42,
        "Hotel boeken",
        "Book the hotel",
        "Kamerlijst en facturering vastleggen; rekening houden met de protocollaire rangorde.",
        "advisor",
    ),
    (
        -35,
        "Ontvangst door de burgemeester aanvragen",
        "Request a welcome by the mayor",
        "Via het kabinet van de burgemeester; agenda's lopen snel vol.",
        "team",
    ),
    (
        -21,
        "Vervoer regelen",
        "Arrange transport",
        "Ophalen vanaf Schiphol of station; vervoer tussen programmaonderdelen.",
        "advisor",
    ),
    (
        -14,
        "Tolken boeken",
        "Book interpreters",
        "Talen en aantallen uit de delegatiegegevens.",
        "advisor",
    ),
    (
        -14,
        "Dieetwensen uitvragen",
        "Ask for dietary needs",
        "Doorgeven aan de catering van elk programmaonderdeel.",
        None,
    ),
    (
        -10,
        "Protocol en aanspreekvormen controleren",
        "Check protocol and forms of address",
        "Namen, titels en rangorde van de leden; naamkaartjes en tafelschikking.",
        "team",
    ),
    (
        -7,
        "Relatiegeschenken kiezen (geschenkenregels nakijken)",
        "Choose gifts (check the gifts rules)",
        "Waarde en registratie volgens de integriteitsregels; ontvangen geschenken in het "
        "register.",
        "team",
    ),
    (
        -3,
        "Persbericht en sociale media",
        "Press release and social media",
        "Afstemmen met communicatie; fotograaf regelen.",
        None,
    ),
    (
        0,
        "Veiligheidsbriefing",
        "Security briefing",
        "Met beveiliging en de gastlocaties.",
        "advisor",
    ),
    (
        7,
        "Bedankbrieven versturen",
        "Send thank-you letters",
        "Namens de burgemeester; afspraken uit het bezoek vastleggen als opvolging.",
        "team",
    ),
)
OUTGOING = (
    (
        -56,
        "Doel en delegatie vaststellen",
        "Set the aim and the delegation",
        "Wie gaat mee, met welk mandaat.",
        "team",
    ),
    (
        -42,
        "Reis en hotel boeken",
        "Book travel and hotel",
        "Reiskosten vastleggen voor het register buitenlandse reizen.",
        "advisor",
    ),
    (
        -28,
        "Afspraken ter plaatse maken",
        "Make appointments on site",
        "Via de ambassade, het NBSO of de partnerstad.",
        "team",
    ),
    (
        -14,
        "Relatiegeschenken kiezen (geschenkenregels nakijken)",
        "Choose gifts (check the gifts rules)",
        "Gegeven geschenken vastleggen.",
        "team",
    ),
    (
        -7,
        "Briefingsdossier voor de bestuurder",
        "Briefing file for the office-holder",
        "Programma, gesprekspartners, aanspreekvormen, kernboodschappen.",
        "team",
    ),
    (
        14,
        "Verslag en opvolging",
        "Report and follow-up",
        "Reiskosten en afspraken vastleggen.",
        "advisor",
    ),
)
STAND = (
    (-90, "Standruimte boeken", "Book the stand space", "", "advisor"),
    (
        -45,
        "Standbouw en materialen bestellen",
        "Order stand construction and materials",
        "",
        "advisor",
    ),
    (
        -30,
        "Bemensing inroosteren met de partners",
        "Roster the staffing with the partners",
        "RUG, UMCG en Hanzehogeschool.",
        "team",
    ),
    (-14, "Drukwerk en give-aways", "Print material and give-aways", "Tweetalig.", None),
    (
        -7,
        "Leads-registratie voorbereiden",
        "Prepare lead registration",
        "Toestemming voor contactgegevens (AVG).",
        "team",
    ),
    (10, "Leads opvolgen", "Follow up the leads", "Als contactmomenten vastleggen.", "team"),
)
RECEPTION = (
    (-30, "Zaal en catering reserveren", "Book the room and catering", "", "advisor"),
    (-21, "Uitnodigingen versturen", "Send the invitations", "", "team"),
    (-7, "Sprekers en welkomstwoord afstemmen", "Agree the speakers and welcome", "", "team"),
    (-2, "Naambadges en gastenlijst", "Name badges and guest list", "", None),
    (3, "Bedankjes en foto's delen", "Thank-yous and sharing the photos", "", None),
)
TEMPLATES = (
    ("Inkomende delegatie", "Incoming delegation", WorkKind.INCOMING_DELEGATION, INCOMING),
    ("Uitgaande missie", "Outgoing mission", WorkKind.OUTGOING_MISSION, OUTGOING),
    (
        "Beursstand of congresstand",
        "Conference or trade-fair stand",
        WorkKind.CONFERENCE_STAND,
        STAND,
    ),
    ("Receptie", "Reception", WorkKind.RECEPTION, RECEPTION),
)
# (delegation's visit, template's Dutch name)
APPLIED = (("tianjin-delegation", "Inkomende delegatie"), ("brussels-mission", "Uitgaande missie"))


def load_checklists(demo: DemoLoad) -> None:
    for name_nl, name_en, kind, rows in TEMPLATES:
        template = demo.ensure(
            "checklist templates",
            ChecklistTemplate,
            {"name_nl": name_nl},
            partial(_create_template, demo, name_nl, name_en, kind, rows),
        )
        demo.refs["checklist templates"][name_nl] = template
    for visit, name_nl in APPLIED:
        delegation = Delegation.objects.filter(
            activity__uid=UID_TEMPLATE.format(slug=visit)
        ).first()
        if delegation is None:
            continue
        template = demo.refs["checklist templates"][name_nl]
        demo.ensure(
            "checklists",
            Checklist,
            {"template": template, "delegation": delegation},
            partial(_apply, demo, template, delegation),
        )


def _create_template(demo: DemoLoad, name_nl, name_en, kind, rows) -> ChecklistTemplate:
    items = [
        {
            "title_nl": title_nl,
            "title_en": title_en,
            "description": description,
            "offset_days": offset,
            "default_owner": demo.refs["users"].get(owner) if owner else None,
            "order": order,
        }
        for order, (offset, title_nl, title_en, description, owner) in enumerate(rows)
    ]
    template = ChecklistTemplate(name_nl=name_nl, name_en=name_en, kind=kind)
    return save_template(template=template, user=None, items=items)


def _apply(demo: DemoLoad, template: ChecklistTemplate, delegation: Delegation) -> Checklist:
    checklist = apply_template(template=template, user=None, delegation=delegation)
    today = timezone.localdate()
    past = list(checklist.tasks.filter(due_on__lt=today).order_by("due_on", "pk"))
    # One stays open, overdue on the dashboard: the latest of the demo "team" login's own.
    own = [task for task in past if task.owner and task.owner.username == "team"]
    left_open = (own or past)[-1:]
    for task in past:
        if task not in left_open:
            mark_done(task=task, user=task.owner)
    return checklist
