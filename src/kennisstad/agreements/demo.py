"""Agreements in the demo scenario: the city agreements Groningen's jaarverslag 2018 lists (the
partnership with Tianjin, the trilateral agreement with Bremen and Oldenburg, the missions to
Hamburg), with a draft and an expired one so every status shows. Dates of signing and titles
are invented for the demo.

Written through ``save_agreement`` after the projects and delegations are loaded; found again
by Dutch title, so a second load changes nothing. Dates are counted from the day of loading: the
trilateral agreement is always "expiring soon" on a fresh demo, so the reminder and the digest
have something to say."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial

from dateutil.relativedelta import relativedelta

from kennisstad.agenda.demo import UID_TEMPLATE
from kennisstad.core.demo import DIGITAL, ENERGY, HEALTHY_AGEING, SMART_CITY, DemoLoad
from kennisstad.delegations.models import Delegation
from kennisstad.relations.models import Organisation, OrganisationKind
from kennisstad.relations.services import save_organisation

from .models import Agreement, AgreementKind, PartyRole, Renewal
from .services import Party, save_agreement

HAMBURG = "Freie und Hansestadt Hamburg"


@dataclass(frozen=True)
class AgreementSpec:
    title_nl: str
    title_en: str
    kind: str
    summary_nl: str
    summary_en: str
    parties: tuple[tuple[str, str, str], ...]  # (organisation key, role, signed as)
    signed: relativedelta | datetime.date | None  # before the day of loading, or a date
    term_years: int | None = None
    expires: relativedelta | None = None  # after the signing, when not by the term
    renewal: str = Renewal.NONE
    notice_days: int | None = None
    themes: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    delegations: tuple[str, ...] = ()  # the visits' slugs
    owner: str = "team"
    is_public: bool = False


# fmt: off
AGREEMENTS = (
    AgreementSpec(
        "Stedenband Groningen–Tianjin", "City link Groningen–Tianjin", AgreementKind.CITY_LINK,
        "Partnerschap met de stad Tianjin voor samenwerking in Healthy Ageing, slimme steden en "
        "onderwijs, met wederzijdse bezoeken van bestuur en kennisinstellingen.",
        "Partnership with the city of Tianjin for cooperation in Healthy Ageing, smart cities "
        "and education, with visits both ways by the city governments and knowledge "
        "institutions.",
        (("tianjin", PartyRole.SIGNATORY, "Burgemeester van Tianjin"),),
        datetime.date(2016, 5, 18),
        themes=(HEALTHY_AGEING, SMART_CITY),
        projects=("healthy-ageing-tianjin", "smart-city-tianjin"),
        delegations=("tianjin-delegation",),
        is_public=True,
    ),
    AgreementSpec(
        "Trilaterale samenwerking Bremen–Oldenburg–Groningen",
        "Trilateral cooperation Bremen–Oldenburg–Groningen", AgreementKind.TRILATERAL,
        "Drie steden werken samen aan de energietransitie, digitalisering en een talentcorridor "
        "tussen Noord-Nederland en Noordwest-Duitsland.",
        "Three cities cooperate on the energy transition, digitalisation and a talent corridor "
        "between the northern Netherlands and north-west Germany.",
        (
            ("bremen", PartyRole.SIGNATORY, "Bürgermeister"),
            ("oldenburg", PartyRole.SIGNATORY, "Oberbürgermeister"),
            ("uni-oldenburg", PartyRole.SUPPORTING, ""),
        ),
        relativedelta(years=4, days=-60), term_years=4, renewal=Renewal.BY_DECISION,
        themes=(ENERGY, DIGITAL),
        projects=("energy-oldenburg", "interreg-bremen", "digital-bremen"),
        owner="advisor", is_public=True,
    ),
    AgreementSpec(
        "Intentieverklaring handelsmissies Hamburg", "Letter of intent on trade missions Hamburg",
        AgreementKind.LETTER_OF_INTENT,
        "Afspraken over gezamenlijke handelsmissies en de uitwisseling van kennis over "
        "waterstof en slimme havens; nog niet openbaar gemaakt.",
        "Arrangements on joint trade missions and exchanging knowledge on hydrogen and smart "
        "ports; not yet made public.",
        (("hamburg", PartyRole.SIGNATORY, "Erster Bürgermeister"),),
        relativedelta(years=1), term_years=3, renewal=Renewal.AUTOMATIC, notice_days=90,
        themes=(ENERGY, SMART_CITY),
    ),
    AgreementSpec(
        "Memorandum of understanding Healthy Ageing Tianjin",
        "Memorandum of understanding on Healthy Ageing with Tianjin", AgreementKind.MEMORANDUM,
        "Concept: zorginnovatie en preventie met het UMCG als kennispartner.",
        "Draft: care innovation and prevention with UMCG as knowledge partner.",
        (
            ("tianjin", PartyRole.SIGNATORY, ""),
            ("umcg", PartyRole.SUPPORTING, ""),
        ),
        None, themes=(HEALTHY_AGEING,), projects=("healthy-ageing-tianjin",),
    ),
    AgreementSpec(
        "Intentieverklaring talentcorridor Oldenburg",
        "Letter of intent on a talent corridor with Oldenburg", AgreementKind.LETTER_OF_INTENT,
        "Verkenning van een gezamenlijke aanpak om afgestudeerden in de regio te houden; "
        "opgegaan in de trilaterale samenwerking.",
        "Exploring a joint approach to keep graduates in the region; merged into the "
        "trilateral cooperation.",
        (("oldenburg", PartyRole.SIGNATORY, "Oberbürgermeister"),),
        relativedelta(years=3), expires=relativedelta(years=2, months=11),
        projects=("energy-oldenburg",),
    ),
)
# fmt: on


def load_agreements(demo: DemoLoad) -> None:
    demo.refs["organisations"]["hamburg"] = demo.ensure(
        "organisations", Organisation, {"name": HAMBURG}, partial(_hamburg, demo)
    )
    for spec in AGREEMENTS:
        demo.ensure(
            "agreements", Agreement, {"title_nl": spec.title_nl}, partial(_create, demo, spec)
        )


def _hamburg(demo: DemoLoad) -> Organisation:
    organisation = Organisation(
        name=HAMBURG,
        kind=OrganisationKind.FOREIGN_GOVERNMENT,
        country="DE",
        city="Hamburg",
        website="https://www.hamburg.de",
        description_nl="Stadstaat Hamburg; partner voor handelsmissies en waterstof.",
        description_en="City state of Hamburg; partner for trade missions and hydrogen.",
        relationship_owner=demo.refs["users"]["team"],
    )
    return save_organisation(organisation=organisation, user=None)


def _signed_on(demo: DemoLoad, spec: AgreementSpec) -> datetime.date | None:
    if isinstance(spec.signed, relativedelta):
        return demo.today - spec.signed
    return spec.signed


def _create(demo: DemoLoad, spec: AgreementSpec) -> Agreement:
    signed_on = _signed_on(demo, spec)
    agreement = Agreement(
        title_nl=spec.title_nl,
        title_en=spec.title_en,
        kind=spec.kind,
        summary_nl=spec.summary_nl,
        summary_en=spec.summary_en,
        signed_on=signed_on,
        term_years=spec.term_years,
        expires_on=signed_on + spec.expires if signed_on and spec.expires else None,
        renewal=spec.renewal,
        notice_days=spec.notice_days,
        relationship_owner=demo.refs["users"][spec.owner],
        is_public=spec.is_public,
    )
    delegations = Delegation.objects.filter(
        activity__uid__in=[UID_TEMPLATE.format(slug=slug) for slug in spec.delegations]
    )
    return save_agreement(
        agreement=agreement,
        user=None,
        parties=[
            Party(demo.refs["organisations"][key], role, signed_as)
            for key, role, signed_as in spec.parties
        ],
        themes=demo.each("themes", spec.themes),
        projects=demo.each("projects", spec.projects),
        delegations=list(delegations),
    )
