"""The lawful bases of AVG art. 6(1) a public body may use, and the rule for the one it may
not use for its tasks: legitimate interest (art. 6(1)(f)) "shall not apply to processing
carried out by public authorities in the performance of their tasks" (art. 6(1), last
sentence). It stays possible for a processing that is not a public task, with a written
justification of why it is not one and why the interest outweighs the person's."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class LawfulBasis(models.TextChoices):
    PUBLIC_TASK = "public_task", _("Public task")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation")
    CONSENT = "consent", _("Consent")
    CONTRACT = "contract", _("Contract")
    VITAL_INTERESTS = "vital_interests", _("Vital interests")
    LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest")


JUSTIFICATION_MIN_LENGTH = 20


def validate_lawful_basis(
    basis: str, justification: str = "", *, field: str = "lawful_basis", public_task: bool = False
) -> None:
    """Refuse legitimate interest for a public task, and without a written justification.

    ``public_task`` is true where the processing is one of the municipality's tasks by
    definition (a processing activity declared as such); a contact person's record is checked
    with the justification alone, since the justification is where the user says why this
    processing is not a task.
    """
    if basis != LawfulBasis.LEGITIMATE_INTEREST:
        return
    if public_task:
        raise ValidationError(
            {
                field: _(
                    "A public body cannot rely on legitimate interest for its public tasks "
                    "(AVG art. 6(1), last sentence). Choose public task, legal obligation, "
                    "consent, contract or vital interests."
                )
            }
        )
    if len((justification or "").strip()) < JUSTIFICATION_MIN_LENGTH:
        raise ValidationError(
            {
                field: _(
                    "Legitimate interest is only for processing that is not a public task. "
                    "Write down why this processing is not a task of the municipality and why "
                    "the interest outweighs the person's (at least %(count)s characters), or "
                    "choose another lawful basis."
                )
                % {"count": JUSTIFICATION_MIN_LENGTH}
            }
        )
