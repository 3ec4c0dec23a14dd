"""The Groningen demo scenario: a believable registry, portfolio and calendar to show and test with.

The content follows begroting 2018, programme 2.1.4 "(Inter)nationaal promoten van onze
kennissectoren": the partners it names, the Top Dutch, Smart Users City and Digital City
profiling, the Energy and Healthy Ageing ambitions and Welkomstbeleid 2.0. The projects are dated
so the indicators give the chapter's figures (2 collaboration and 2 profiling projects in 2016,
more than 5 of each in 2018). Calendar dates are computed from today, so the calendar never looks
empty whenever the demo is loaded.

Each app holds its own part of the scenario (``<app>/demo.py``) and writes it through its own
services, like any other edit, so it has versions and an audit trail. This loader calls the parts
in layer order inside one transaction. The load is idempotent: records are found by natural key
(username, organisation name, e-mail, interaction subject, project title, activity UID) and
created only when missing; existing records are left untouched.
"""

from django.core.cache import cache
from django.db import transaction

from kennisstad.accounts.demo import LOGINS, USERS, load_users
from kennisstad.agenda.demo import load_activities
from kennisstad.agreements.demo import load_agreements
from kennisstad.checklists.demo import load_checklists
from kennisstad.core.context_processors import DEMO_CACHE_KEY
from kennisstad.core.demo import DemoLoad, load_themes
from kennisstad.core.models import DemoDataset
from kennisstad.delegations.demo import load_delegations
from kennisstad.finances.demo import load_ledger
from kennisstad.finances.demo_grants import load_grants
from kennisstad.funding.demo import load_applications
from kennisstad.indicators.demo import load_indicators
from kennisstad.indicators.demo_deliveries import load_deliveries
from kennisstad.indicators.owner_demo import load_indicator_owners
from kennisstad.integrity.demo import load_integrity
from kennisstad.planning.demo import load_documents
from kennisstad.policy.demo import load_deadlines, load_policy_areas
from kennisstad.projects.demo import load_categories, load_projects
from kennisstad.registrations.demo import load_registrations
from kennisstad.relations.demo import load_interactions, load_organisations, load_people

__all__ = ["LOGINS", "SCENARIO", "USERS", "load_demo"]

SCENARIO = "groningen-2018"

# (what the command says it loads, the app's loader), lower layers first. Accounts come in two
# passes: organisations need their relationship owners, the partner account its organisation.
STEPS = (
    ("themes", load_themes),
    ("team and reader accounts", lambda demo: load_users(demo, with_organisation=False)),
    ("organisations", load_organisations),
    ("partner accounts", lambda demo: load_users(demo, with_organisation=True)),
    ("people", load_people),
    ("interactions", load_interactions),
    ("project categories", load_categories),
    ("projects", load_projects),
    ("activities", load_activities),
    ("registrations", load_registrations),
    ("funding applications", load_applications),
    ("policy areas", load_policy_areas),
    ("indicators", load_indicators),
    ("figures partners delivered", load_deliveries),
    # The ledger before the documents: an imported published document freezes its finance
    # tables when it is read in, so the money must be there by then.
    ("ledger", load_ledger),
    ("budget documents", load_documents),
    ("grants and project allocations", load_grants),
    ("P&C deadlines", load_deadlines),
    ("indicator owners", load_indicator_owners),
    ("delegations", load_delegations),
    ("checklists", load_checklists),
    ("integrity registers", load_integrity),
    ("agreements with partner cities", load_agreements),
)


def load_demo(*, stdout=None) -> dict:
    """Load the Groningen demo scenario; safe to run again. Returns what was created and
    what was already there (per record type) and the demo logins."""
    demo = DemoLoad(stdout)
    with transaction.atomic():
        for label, step in STEPS:
            demo.log(f"Loading {label}...")
            step(demo)
        DemoDataset.objects.get_or_create(scenario=SCENARIO)[0].save()
    cache.delete(DEMO_CACHE_KEY)
    kinds = sorted(set(demo.created) | set(demo.existing))
    return {
        "scenario": SCENARIO,
        "created": {kind: demo.created[kind] for kind in kinds},
        "existing": {kind: demo.existing[kind] for kind in kinds},
        "logins": [
            {"role": role, "username": username, "password": password}
            for role, username, password in LOGINS
        ],
    }
