"""Settings of the agreements with partner cities and regions."""

from .env import env_int

# An agreement counts as "expiring soon" this many days before its expiry date; its relationship
# owner is mailed then (once; again only when the expiry date changes), plus any notice period
# the agreement sets for renewing or ending it.
AGREEMENT_REMINDER_DAYS = env_int("AGREEMENT_REMINDER_DAYS", 90)
