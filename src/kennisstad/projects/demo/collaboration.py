"""Demo projects of collaboration on knowledge and innovation, dated so the chapter's
indicator counts 2 active in 2016, 3 in 2017, 6 in 2018 and 5 in 2019."""

from kennisstad.core.demo import DIGITAL, ENERGY, HEALTHY_AGEING, SMART_CITY
from kennisstad.projects.models import ProjectStatus

from .spec import ADVISOR, COLLABORATION, FUNDER, KNOWLEDGE, LEAD, PARTNER, D, ProjectSpec

# fmt: off
COLLABORATION_PROJECTS = {
    "energy-oldenburg": ProjectSpec(
        COLLABORATION,
        "Kennisuitwisseling energietransitie Groningen-Oldenburg",
        "Energy transition knowledge exchange Groningen-Oldenburg",
        "Onderzoekers en studenten uit Groningen en Oldenburg werken samen aan vraagstukken "
        "van de regionale energietransitie.",
        "Researchers and students from Groningen and Oldenburg work together on the regional "
        "energy transition.",
        ProjectStatus.COMPLETED, D(2016, 3, 1), D(2017, 12, 31), (ENERGY,), "nec",
        (("nec", LEAD), ("uni-oldenburg", KNOWLEDGE), ("hanze", PARTNER), ("oldenburg", PARTNER)),
        ("NL", "DE"), 85000,
        "Vier masterclasses en drie onderzoeksuitwisselingen; basis voor het waterstofproject.",
        "Four master classes and three research exchanges; the basis of the hydrogen project.",
        True,
    ),
    "healthy-ageing-tianjin": ProjectSpec(
        COLLABORATION,
        "Healthy Ageing-samenwerking met Tianjin",
        "Healthy Ageing collaboration with Tianjin",
        "Uitwisseling van kennis over ouderenzorg en preventie tussen Groningen en Tianjin.",
        "Exchange of knowledge on elderly care and prevention between Groningen and Tianjin.",
        ProjectStatus.COMPLETED, D(2016, 5, 1), D(2016, 12, 31), (HEALTHY_AGEING,), "umcg",
        (("umcg", LEAD), ("tianjin", PARTNER), ("consulate", ADVISOR)),
        ("NL", "CN"), 40000,
        "Intentieverklaring over ouderenzorg en een uitwisseling van zorgprofessionals.",
        "Letter of intent on elderly care and an exchange of care professionals.",
        owner="advisor",
    ),
    "interreg-bremen": ProjectSpec(
        COLLABORATION,
        "Interreg-aanvraag Smart Energy Bremen-Groningen",
        "Interreg application Smart Energy Bremen-Groningen",
        "Gezamenlijke Interreg-aanvraag voor slimme energienetten in stadswijken.",
        "Joint Interreg application for smart energy grids in urban districts.",
        ProjectStatus.CANCELLED, D(2016, 2, 1), D(2016, 10, 31), (ENERGY, SMART_CITY), "bremen",
        (("bremen", LEAD), ("provincie", FUNDER)),
        ("NL", "DE"), 120000,
        "Aanvraag ingetrokken: de cofinanciering kwam niet rond.",
        "Application withdrawn: co-funding could not be secured.",
        owner="advisor",
    ),
    "digital-bremen": ProjectSpec(
        COLLABORATION,
        "Kennisalliantie digitale economie Groningen-Bremen",
        "Digital economy knowledge alliance Groningen-Bremen",
        "Start-ups en onderzoekers uit beide steden delen kennis over data en platformen.",
        "Start-ups and researchers from both cities share knowledge on data and platforms.",
        ProjectStatus.COMPLETED, D(2017, 4, 1), D(2018, 6, 30), (DIGITAL,), "rug",
        (("rug", LEAD), ("bremen", PARTNER), ("noorderwind", PARTNER)),
        ("NL", "DE"), 60000,
        "Twee matchmakingdagen; vijf Groninger start-ups vonden een Duitse pilotpartner.",
        "Two matchmaking days; five Groningen start-ups found a German pilot partner.",
    ),
    "healthy-ageing-labs": ProjectSpec(
        COLLABORATION,
        "Healthy Ageing living labs in Groninger wijken",
        "Healthy Ageing living labs in Groningen neighbourhoods",
        "Kennisinstellingen testen met bewoners innovaties voor gezond ouder worden, met "
        "internationale partners als klankbord.",
        "Knowledge institutions test innovations for healthy ageing with residents, with "
        "international partners as sounding board.",
        ProjectStatus.ACTIVE, D(2017, 9, 1), None, (HEALTHY_AGEING, SMART_CITY), "umcg",
        (("umcg", LEAD), ("hanze", KNOWLEDGE), ("rug", KNOWLEDGE), ("provincie", FUNDER)),
        ("NL",), 250000, is_public=True, owner="advisor",
    ),
    "hydrogen-region": ProjectSpec(
        COLLABORATION,
        "Waterstofregio Noord-Nederland - Niedersachsen",
        "Hydrogen region Northern Netherlands - Lower Saxony",
        "Grensoverschrijdende samenwerking aan productie en gebruik van groene waterstof.",
        "Cross-border collaboration on producing and using green hydrogen.",
        ProjectStatus.ACTIVE, D(2018, 1, 15), None, (ENERGY,), "nec",
        (
            ("nec", LEAD), ("zernike-hydrogen", PARTNER), ("provincie", FUNDER),
            ("uni-oldenburg", KNOWLEDGE), ("oldenburg", PARTNER),
        ),
        ("NL", "DE"), 400000, is_public=True, owner="advisor",
    ),
    "smart-city-tianjin": ProjectSpec(
        COLLABORATION,
        "Smart city-uitwisseling Groningen-Tianjin",
        "Smart city exchange Groningen-Tianjin",
        "Uitwisseling over datagedreven stadsbeheer met de partnerstad Tianjin.",
        "Exchange on data-driven city management with the partner city of Tianjin.",
        ProjectStatus.COMPLETED, D(2018, 3, 1), D(2018, 12, 31), (SMART_CITY,), None,
        (("tianjin", PARTNER), ("consulate", ADVISOR), ("noorderwind", PARTNER)),
        ("NL", "CN"), 55000,
        "Twee werkbezoeken en een gezamenlijke pilot met verkeersdata.",
        "Two working visits and a joint pilot with traffic data.",
    ),
    "zernike-digital": ProjectSpec(
        COLLABORATION,
        "Digitale innovatie op de Zernike Campus",
        "Digital innovation on the Zernike Campus",
        "Hanzehogeschool, RUG en start-ups ontwikkelen samen digitale toepassingen voor "
        "internationale markten.",
        "Hanze, the RUG and start-ups jointly develop digital applications for international "
        "markets.",
        ProjectStatus.COMPLETED, D(2018, 4, 1), D(2020, 3, 31), (DIGITAL,), "hanze",
        (("hanze", LEAD), ("rug", KNOWLEDGE), ("noorderwind", PARTNER), ("provincie", FUNDER)),
        ("NL",), 180000,
        "Twaalf prototypes, waarvan vier als product op de markt.",
        "Twelve prototypes, four of which reached the market.",
        True,
    ),
    "healthy-ageing-network": ProjectSpec(
        COLLABORATION,
        "Europees kennisnetwerk Healthy Ageing",
        "European Healthy Ageing knowledge network",
        "Groningen deelt zijn Healthy Ageing-aanpak met Europese regio's en haalt kennis op.",
        "Groningen shares its Healthy Ageing approach with European regions and learns from them.",
        ProjectStatus.COMPLETED, D(2018, 9, 1), D(2019, 8, 31), (HEALTHY_AGEING,), "umcg",
        (("umcg", LEAD), ("hanze", KNOWLEDGE), ("hnp", ADVISOR)),
        ("NL", "BE"), 70000,
        "Groningen werd voorbeeldregio in het Europese netwerk.",
        "Groningen became a reference region in the European network.",
        owner="advisor",
    ),
    "energy-neighbourhoods": ProjectSpec(
        COLLABORATION,
        "Energietransitie in wijken: Europese uitwisseling",
        "Energy transition in neighbourhoods: European exchange",
        "Groningen, Bremen en Europese partners leren van elkaars wijkaanpak voor aardgasvrij "
        "wonen.",
        "Groningen, Bremen and European partners learn from each other's neighbourhood "
        "approach to gas-free housing.",
        ProjectStatus.COMPLETED, D(2019, 2, 1), D(2020, 12, 31), (ENERGY, SMART_CITY), None,
        (("bremen", PARTNER), ("hanze", KNOWLEDGE), ("nec", PARTNER)),
        ("NL", "DE", "BE"), 95000,
        "Handreiking wijkaanpak, vertaald in het Duits en Engels.",
        "Neighbourhood approach guide, translated into German and English.",
        owner="advisor",
    ),
    "talent-corridor": ProjectSpec(
        COLLABORATION,
        "Talentcorridor Groningen-Oldenburg",
        "Talent corridor Groningen-Oldenburg",
        "Afgestudeerden en kenniswerkers vinden makkelijker werk aan beide kanten van de grens.",
        "Graduates and knowledge workers find work more easily on both sides of the border.",
        ProjectStatus.PLANNED, D(1, 3, 1), D(1, 12, 31), (DIGITAL,), None,
        (("oldenburg", PARTNER), ("uni-oldenburg", KNOWLEDGE), ("rug", KNOWLEDGE),
         ("iwcn", ADVISOR)),
        ("NL", "DE"), 150000, owner="advisor", years_ahead=1,
    ),
    "healthy-ageing-xian": ProjectSpec(
        COLLABORATION,
        "Healthy Ageing-samenwerking met Xi'an",
        "Healthy Ageing collaboration with Xi'an",
        "Verkenning van een tweede Chinese partnerregio voor Healthy Ageing.",
        "Exploring a second Chinese partner region for Healthy Ageing.",
        ProjectStatus.IDEA, None, None, (HEALTHY_AGEING,), countries=("CN",), owner="advisor",
    ),
}
# fmt: on
