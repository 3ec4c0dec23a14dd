"""Settings of the domain the municipality chooses: its registers, recurrence limits, the columns
of its budget tables and ledger export, and when money differences need an explanation. Read by
conf/base.py; apart so base.py stays readable in one sitting."""

import json
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_optional, env_str

# Gifts with an estimated value above this (EUR) go into the published gifts register.
GIFTS_REGISTER_THRESHOLD = Decimal(env_str("GIFTS_REGISTER_THRESHOLD", "50"))
# How often the integrity registers (gifts received, trips paid by third parties) are published:
# "quarter" or "half_year". A period appears on the portal once it has ended.
KENNISSTAD_INTEGRITY_PUBLICATION = env_str("KENNISSTAD_INTEGRITY_PUBLICATION", "quarter")
if KENNISSTAD_INTEGRITY_PUBLICATION not in ("quarter", "half_year"):
    raise ImproperlyConfigured('KENNISSTAD_INTEGRITY_PUBLICATION must be "quarter" or "half_year".')
# Days before a grant's accountability is due that its handler is reminded.
KENNISSTAD_GRANT_REMINDER_DAYS = env_int("KENNISSTAD_GRANT_REMINDER_DAYS", 30)

# Recurring activities (agenda.recurrence): the finest frequency a rule may have (DAILY, or
# HOURLY, MINUTELY, SECONDLY where the municipality wants them; those must end) and the most
# occurrences a rule with COUNT may give.
FINEST_RECURRENCE = env_str("KENNISSTAD_FINEST_RECURRENCE", "DAILY").upper()
if FINEST_RECURRENCE not in {
    "YEARLY",
    "MONTHLY",
    "WEEKLY",
    "DAILY",
    "HOURLY",
    "MINUTELY",
    "SECONDLY",
}:
    raise ImproperlyConfigured("KENNISSTAD_FINEST_RECURRENCE must be a FREQ such as DAILY.")
MAX_RECURRENCE_COUNT = env_int("KENNISSTAD_MAX_RECURRENCE_COUNT", 1000)

# The columns of the indicator table in a begroting and in jaarstukken, as the municipality's
# documents print them: kind:offset:label per column (planning.column_layout reads and checks
# them). Groningen's: begroting Y shows Behaald Y-3 | Behaald Y-2 | Begroting Y-1 | Beoogd Y,
# jaarstukken Y show Behaald Y-1 | Beoogd Y | Behaald Y. Adopted tables keep the columns they had.
KENNISSTAD_BEGROTING_COLUMNS = env_str(
    "KENNISSTAD_BEGROTING_COLUMNS",
    "realisation:-3:Behaald,realisation:-2:Behaald,target:-1:Begroting,target:0:Beoogd",
)
KENNISSTAD_JAARSTUKKEN_COLUMNS = env_str(
    "KENNISSTAD_JAARSTUKKEN_COLUMNS", "realisation:-1:Behaald,target:0:Beoogd,realisation:0:Behaald"
)

# The column names of the municipality's ledger export, beyond the Dutch and English defaults
# (finances.ledger_columns): a JSON object from field to header, e.g.
# {"policy_field": "Beleidsproduct", "amount": ["Saldo", "Bedrag EUR"]}.
try:
    KENNISSTAD_LEDGER_COLUMNS = json.loads(env_str("KENNISSTAD_LEDGER_COLUMNS", "{}"))
except ValueError as exc:
    raise ImproperlyConfigured(f"KENNISSTAD_LEDGER_COLUMNS is not valid JSON: {exc}") from exc
# The money in a chapter ("Wat mag het kosten?"): amounts shown in units of this many euros
# (1000: "x € 1.000", as budgets print them; 1: whole euros). A jaarstukken difference between
# budget na wijziging and realisation needs an explanation above an amount (euros) and/or a
# percentage; WHEN is "either" (one criterion suffices) or "both"; an empty value disables it.
KENNISSTAD_FINANCE_UNIT = env_int("KENNISSTAD_FINANCE_UNIT", 1000)
if KENNISSTAD_FINANCE_UNIT not in (1, 1000):
    raise ImproperlyConfigured("KENNISSTAD_FINANCE_UNIT must be 1 or 1000.")
KENNISSTAD_FINANCE_EXPLAIN_ABOVE_AMOUNT = env_optional(
    "KENNISSTAD_FINANCE_EXPLAIN_ABOVE_AMOUNT", "100000"
)
KENNISSTAD_FINANCE_EXPLAIN_ABOVE_PERCENT = env_optional(
    "KENNISSTAD_FINANCE_EXPLAIN_ABOVE_PERCENT", "10"
)
KENNISSTAD_FINANCE_EXPLAIN_WHEN = env_str("KENNISSTAD_FINANCE_EXPLAIN_WHEN", "either")
if KENNISSTAD_FINANCE_EXPLAIN_WHEN not in ("either", "both"):
    raise ImproperlyConfigured('KENNISSTAD_FINANCE_EXPLAIN_WHEN must be "either" or "both".')
