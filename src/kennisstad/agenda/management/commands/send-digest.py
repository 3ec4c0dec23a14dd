"""``kennisstad send-digest``: mail every team member the international activities of the
coming two weeks, in their own language. Run it weekly (cron, a systemd timer)."""

from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from kennisstad.accounts.models import Role, User
from kennisstad.agenda.selectors import upcoming_activities


class Command(BaseCommand):
    help = "Mail each team member the international activities of the coming two weeks."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=14)

    def handle(self, *args, **options):
        recipients = User.objects.filter(
            is_active=True, role__in=[Role.TEAM_MEMBER, Role.ADMINISTRATOR]
        ).exclude(email="")
        sent = 0
        for user in recipients:
            with translation.override(user.preferred_language or "nl"):
                activities = list(upcoming_activities(user=user, days=options["days"]))
                context = {"user": user, "activities": activities, "days": options["days"]}
                subject = _("International activities of the coming %(days)s days") % {
                    "days": options["days"]
                }
                body = render_to_string("agenda/digest.txt", context)
            send_mail(subject, body, None, [user.email])
            sent += 1
        self.stdout.write(f"{sent} digest(s) sent.")
