"""``kennisstad send-newsletters``: send every newsletter edition being sent, batch after batch,
until no mail is pending. For installations without a worker (no broker: the Send button only
sends the first batch within the request); run it from cron every few minutes. With a worker
the scheduled ``newsletter.resume_sending`` does the same; running both is safe (each mail is
claimed before it is sent)."""

from django.core.management.base import BaseCommand, CommandError

from kennisstad.newsletter.sending import send_until_done


class Command(BaseCommand):
    help = "Send the pending mails of every newsletter edition being sent, until none is left."

    def handle(self, *args, **options):
        run = send_until_done()
        self.stdout.write(f"{run.sent} sent, {run.failed} failed, {run.skipped} skipped.")
        if run.left:
            raise CommandError(f"{run.left} mail(s) still pending; run it again later.")
