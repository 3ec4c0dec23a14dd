"""``kennisstad erase-person PK --reason TEXT``: erase one contact's personal data everywhere,
for requests that arrive outside the application (a letter, the privacy officer)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kennisstad.relations.models import Person
from kennisstad.relations.services import erase_person


class Command(BaseCommand):
    help = "Erase a person's personal data (name, contact details, history); logged with reason."

    def add_arguments(self, parser):
        parser.add_argument("pk", type=int, help="The person's number.")
        parser.add_argument("--reason", required=True, help="Why; recorded in the access log.")

    def handle(self, *args, pk, reason, **options):
        person = Person.objects.filter(pk=pk).first()
        if person is None:
            raise CommandError(f"There is no person number {pk}.")
        try:
            erase_person(person=person, user=None, reason=reason)
        except ValidationError as exc:
            raise CommandError(f"Person {pk}: {' '.join(exc.messages)}") from exc
        self.stdout.write(f"Person {pk}: personal data erased.")
