"""Settings of registration for activities (``kennisstad.registrations``)."""

from .env import env_int

# How long a registrant's personal link (change or cancel) keeps working after the activity
# ended (a recurring one: its last occurrence), in days.
REGISTRATION_LINK_GRACE_DAYS = env_int("REGISTRATION_LINK_GRACE_DAYS", 30)
# Registrations one client address may post to the public form per window (0: no limit).
# (An IPv6 client counts by its /64 network; only posts that pass the form's checks count.)
REGISTRATION_THROTTLE_COUNT = env_int("REGISTRATION_THROTTLE_COUNT", 10)
# Registrations one email address may post per window, over all activities (0: no limit).
REGISTRATION_THROTTLE_EMAIL_COUNT = env_int("REGISTRATION_THROTTLE_EMAIL_COUNT", 5)
REGISTRATION_THROTTLE_SECONDS = env_int("REGISTRATION_THROTTLE_SECONDS", 3600)
