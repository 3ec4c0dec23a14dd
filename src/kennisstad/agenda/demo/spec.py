"""How a demo calendar item is written down: one ``ActivitySpec`` per activity, its first day
relative to the day of loading, organisers, projects, people and themes by scenario key."""

from dataclasses import dataclass

from kennisstad.agenda.models import ActivityKind, ActivityStatus, Visibility

LOCAL_TIME_ZONE = "Europe/Amsterdam"


@dataclass(frozen=True)
class ActivitySpec:
    """One calendar item. The first day is given by exactly one of ``on`` (the next such month
    and day in the demo window), ``in_days`` (days from today) or ``after`` (days after the first
    day of another activity). ``at`` is the local start time; without it the activity lasts
    ``days`` whole days."""

    slug: str
    kind: str
    title_nl: str
    title_en: str
    description_nl: str
    description_en: str
    on: tuple[int, int] | None = None
    in_days: int | None = None
    after: tuple[str, int] | None = None
    weekday: int | None = None
    at: tuple[int, int] | None = None
    hours: float = 1
    days: int = 1
    timezone: str = LOCAL_TIME_ZONE
    location: str = ""
    city: str = "Groningen"
    country: str = "NL"
    organiser: str | None = None
    department: str = ""
    project: str | None = None
    themes: tuple[str, ...] = ()
    visibility: str = Visibility.INTERNAL
    status: str = ActivityStatus.CONFIRMED
    team: tuple[str, ...] = ("team",)
    people: tuple[str, ...] = ()
    rrule: str = ""


TRADE_FAIR = ActivityKind.TRADE_FAIR
CONFERENCE = ActivityKind.CONFERENCE
INCOMING = ActivityKind.INCOMING_VISIT
OUTGOING = ActivityKind.OUTGOING_VISIT
LOBBY = ActivityKind.LOBBY_MEETING
SOCIAL = ActivityKind.SOCIAL_MEDIA
RECEPTION = ActivityKind.RECEPTION
WEBINAR = ActivityKind.WEBINAR
OTHER = ActivityKind.OTHER
INTERNAL, PARTNERS, PUBLIC = Visibility.INTERNAL, Visibility.PARTNERS, Visibility.PUBLIC
TENTATIVE, CANCELLED = ActivityStatus.TENTATIVE, ActivityStatus.CANCELLED
IZ = "Internationale Zaken"
EZ = "Economische Zaken"
CITY_HALL = "Stadhuis, Grote Markt 1"
ZERNIKE = "Zernike Campus"
ONLINE = "Online"
MONDAY, TUESDAY, THURSDAY = 0, 1, 3
