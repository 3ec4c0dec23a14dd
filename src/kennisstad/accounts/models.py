"""Who works in Kennisstad, and in which role."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    TEAM_MEMBER = "team", _("Team member")
    PARTNER_EDITOR = "partner", _("Partner editor")
    READER = "reader", _("Reader")


class User(AbstractUser):
    """A person with a login: team member, partner editor (bound to one organisation) or reader."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.READER)
    organisation = models.ForeignKey(
        "relations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("Required for partner editors: the organisation whose activities they edit."),
    )
    is_team_lead = models.BooleanField(
        _("team lead"),
        default=False,
        help_text=_("Gets the list of figures still missing after each P&C deadline."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("nl", _("Dutch")), ("en", _("English"))],
        default="nl",
    )

    class Meta:
        ordering = ["last_name", "first_name", "username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean(self) -> None:
        super().clean()
        if self.role == Role.PARTNER_EDITOR and self.organisation_id is None:
            raise ValidationError(
                {"organisation": _("A partner editor must belong to an organisation.")}
            )

    def save(self, *args, **kwargs):
        # The role decides; the admin site (configuration) is for administrators only, and they
        # may configure everything. ``createsuperuser`` makes an administrator.
        if self._state.adding and self.is_superuser:
            self.role = Role.ADMINISTRATOR
        self.is_staff = self.is_superuser = self.role == Role.ADMINISTRATOR
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.get_full_name() or self.username
