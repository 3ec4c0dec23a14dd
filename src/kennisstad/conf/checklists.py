"""Settings of the preparation checklists."""

from .env import env_int

# The nightly reminder mails each owner their open tasks due within this many days (once per task).
CHECKLIST_REMINDER_DAYS = env_int("CHECKLIST_REMINDER_DAYS", 3)
