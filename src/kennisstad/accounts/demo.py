"""The demo's accounts: one login per role, with the published passwords ``kennisstad demo``
prints. Passwords are set only when an account is created; changed ones are kept."""

from base64 import b32decode
from dataclasses import dataclass
from functools import partial

from kennisstad.core.demo import DemoLoad

from .models import Role, User
from .services import set_demo_authenticator


@dataclass(frozen=True)
class UserSpec:
    username: str
    password: str
    role: str
    first_name: str
    last_name: str
    organisation: str | None = None  # scenario key of an organisation (relations' demo)
    superuser: bool = False
    team_lead: bool = False  # gets the list of missing figures after each P&C deadline


# fmt: off
USERS = (
    UserSpec("admin", "kennisstad-admin", Role.ADMINISTRATOR, "Anouk", "Mulder", superuser=True),
    UserSpec("team", "kennisstad-team", Role.TEAM_MEMBER, "Sanne", "Bakker", team_lead=True),
    UserSpec("advisor", "kennisstad-advisor", Role.TEAM_MEMBER, "Jeroen", "Dijkstra"),
    UserSpec("partner", "kennisstad-partner", Role.PARTNER_EDITOR, "Femke", "Hoekstra", "rug"),
    UserSpec("iwcn", "kennisstad-iwcn", Role.PARTNER_EDITOR, "Lotte", "de Vries", "iwcn"),
    UserSpec("reader", "kennisstad-reader", Role.READER, "Pieter", "Smit"),
)
# fmt: on

# The demo administrator's authenticator secret, published like the passwords: administrators
# always sign in with a second factor, so the demo admin has an authenticator app with this
# secret (add it to an app, or read the code the demo's sign-in page shows for it).
DEMO_AUTHENTICATOR_SECRET = "KENNISSTADDEMOADMINKENNISSTADDEM"
DEMO_AUTHENTICATOR_KEY = b32decode(DEMO_AUTHENTICATOR_SECRET).hex()

# (role, username, password) as the command prints them.
LOGINS = tuple((spec.role, spec.username, spec.password) for spec in USERS)


def load_users(demo: DemoLoad, *, with_organisation: bool) -> None:
    """Two passes: the team and reader accounts before the organisations (which need their
    relationship owners), the partner account after them (it belongs to one)."""
    for spec in USERS:
        if (spec.organisation is not None) == with_organisation:
            user = demo.ensure(
                "users", User, {"username": spec.username}, partial(_create_user, demo, spec)
            )
            demo.refs["users"][spec.username] = user
            if spec.superuser:
                # Also for a demo loaded before administrators needed a second factor.
                set_demo_authenticator(user=user, key_hex=DEMO_AUTHENTICATOR_KEY)


def _create_user(demo: DemoLoad, spec: UserSpec) -> User:
    user = User(
        username=spec.username,
        first_name=spec.first_name,
        last_name=spec.last_name,
        email=f"{spec.username}@kennisstad.example",
        role=spec.role,
        is_staff=spec.superuser,
        is_superuser=spec.superuser,
        is_team_lead=spec.team_lead,
        organisation=demo.ref("organisations", spec.organisation),
    )
    user.set_password(spec.password)
    user.full_clean()
    user.save()
    return user
