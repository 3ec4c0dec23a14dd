"""``kennisstad send-digest``: mail every team member the international activities of the
coming two weeks, in their own language. The scheduler (``make beat``) runs the same as the
``agenda.send_digest`` task on Monday morning; a rerun on the same day mails nobody twice."""

from django.core.management.base import BaseCommand, CommandError

from kennisstad.agenda.digest import send_digest


class Command(BaseCommand):
    help = "Mail each team member the international activities of the coming two weeks."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=14)

    def handle(self, *args, **options):
        run = send_digest(days=options["days"])
        self.stdout.write(f"{run.sent} digest(s) sent.")
        if run.already:
            self.stdout.write(f"{run.already} team member(s) had theirs today already.")
        if run.failed:
            raise CommandError(f"{run.failed} digest(s) could not be sent; run it again.")
