"""Settings of the international newsletter (``kennisstad.newsletter``), from the environment."""

from .env import env_int, env_str

# Mails per run of the sending task; the task queues itself again for the next batch, so one
# edition never holds a worker for long and a restart loses at most the batch in hand.
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 200)
# Seconds one chain of sending tasks holds an edition (renewed every batch): the scheduled
# resume queues a new chain only for an edition whose chain has not renewed it for so long.
NEWSLETTER_LEASE_SECONDS = env_int("NEWSLETTER_LEASE_SECONDS", 900)
# How often one subscriber's mail is tried before it counts as failed.
NEWSLETTER_MAX_ATTEMPTS = env_int("NEWSLETTER_MAX_ATTEMPTS", 3)
# Days a confirmation link works.
NEWSLETTER_CONFIRM_DAYS = env_int("NEWSLETTER_CONFIRM_DAYS", 7)
# Retention: never-confirmed subscriptions and unsubscribed addresses are removed after so many
# days (the nightly ``newsletter.purge_subscribers``).
NEWSLETTER_PENDING_RETENTION_DAYS = env_int("NEWSLETTER_PENDING_RETENTION_DAYS", 14)
NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS = env_int("NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS", 30)
# Subscribe requests per address and per client address (IP) per hour; more are ignored (per
# address, with the same answer) or refused (per client address).
NEWSLETTER_SUBSCRIBE_PER_ADDRESS = env_int("NEWSLETTER_SUBSCRIBE_PER_ADDRESS", 3)
NEWSLETTER_SUBSCRIBE_PER_CLIENT = env_int("NEWSLETTER_SUBSCRIBE_PER_CLIENT", 20)
# The sender of the newsletter (empty: DEFAULT_FROM_EMAIL) and the mailbox named in the
# List-Unsubscribe header next to the one-click address (empty: none).
NEWSLETTER_FROM_EMAIL = env_str("NEWSLETTER_FROM_EMAIL", "")
NEWSLETTER_UNSUBSCRIBE_MAILTO = env_str("NEWSLETTER_UNSUBSCRIBE_MAILTO", "")
