"""The registrations part of the demo: a public IWCN welcome reception three weeks ahead with
open registration, a few registrants and one on the waiting list. Written through the services,
safe to load again."""

from functools import partial

from kennisstad.agenda.demo import ActivitySpec, load_activities
from kennisstad.agenda.demo.spec import PUBLIC, RECEPTION
from kennisstad.agenda.models import Activity
from kennisstad.core.demo import DemoLoad

from .models import Registration, RegistrationSettings
from .services import register, save_settings

RECEPTION_SPEC = ActivitySpec(
    "iwcn-welcome-reception",
    RECEPTION,
    "Welkomstreceptie IWCN voor nieuwe internationals",
    "IWCN welcome reception for new internationals",
    "Nieuwe internationale werknemers, onderzoekers en hun partners maken kennis met de stad, "
    "met elkaar en met de organisaties die hen helpen. Aanmelden is nodig: er zijn 40 plaatsen.",
    "New international employees, researchers and their partners meet the city, each other and "
    "the organisations that help them. Please register: there are 40 places.",
    in_days=21,
    at=(17, 0),
    hours=2,
    location="International Welcome Center North",
    organiser="iwcn",
    project="iwcn-support",
    visibility=PUBLIC,
)
PLACES = 6
REGISTRANTS = (
    ("Priya Raman", "priya.raman@example.org", "Rijksuniversiteit Groningen", "en", "vegetarian"),
    ("Lucas Moreau", "lucas.moreau@example.org", "UMCG", "en", ""),
    ("Sofia Rossi", "sofia.rossi@example.org", "Hanzehogeschool Groningen", "en", "gluten-free"),
    ("Jan de Boer", "jan.deboer@example.org", "Gemeente Groningen", "nl", ""),
    ("Mei Chen", "mei.chen@example.org", "Rijksuniversiteit Groningen", "en", ""),
    ("Ahmed Hassan", "ahmed.hassan@example.org", "Zernike Campus", "en", "halal"),
    ("Eva Novak", "eva.novak@example.org", "", "en", ""),
)
CONSENT_NL = (
    "De gemeente Groningen gebruikt uw gegevens alleen om deze receptie te organiseren en "
    "verwijdert ze 90 dagen na de receptie."
)
CONSENT_EN = (
    "The municipality of Groningen uses your details only to organise this reception and "
    "deletes them 90 days after it."
)


def load_registrations(demo: DemoLoad) -> None:
    load_activities(demo, [RECEPTION_SPEC])
    activity = Activity.objects.get(uid=f"demo-{RECEPTION_SPEC.slug}@kennisstad.example")
    demo.refs["activities"][RECEPTION_SPEC.slug] = activity
    demo.ensure(
        "registration settings",
        RegistrationSettings,
        {"activity": activity},
        lambda: save_settings(
            config=RegistrationSettings(
                activity=activity,
                capacity=PLACES,
                ask_dietary=True,
                ask_accessibility=True,
                consent_text_nl=CONSENT_NL,
                consent_text_en=CONSENT_EN,
                retention_days=90,
                free_questions=[
                    {
                        "nl": "Hoe lang woont u al in Groningen?",
                        "en": "How long have you lived in Groningen?",
                    }
                ],
            ),
            user=None,
        ),
    )
    for registrant in REGISTRANTS:
        demo.ensure(
            "registrations",
            Registration,
            {"activity": activity, "email": registrant[1]},
            partial(_register, activity, *registrant),
        )


def _register(activity, name, email, organisation, language, dietary) -> Registration:
    return register(
        activity=activity,
        name=name,
        email=email,
        organisation=organisation,
        language=language,
        consent=True,
        answers={"dietary": dietary},
        notify=False,
    ).registration
