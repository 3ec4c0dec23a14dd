"""The digest's sent-log: who got the digest on which day."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DigestMail(models.Model):
    """A digest mailed to a team member on a day. Recorded in the transaction that sends it, so
    a rerun the same day (the scheduler's retry, two workers, a command run by hand) mails
    nobody twice, and a mail that failed is sent by the rerun."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="digest_mails",
    )
    sent_on = models.DateField(_("sent on"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("digest mail")
        verbose_name_plural = _("digest mails")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "sent_on"], name="unique_digest_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.sent_on} {self.recipient_id}"
