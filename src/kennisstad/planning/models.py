"""Planning & control: the policy-area tree the budget chapters hang on."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel


class PolicyAreaLevel(models.TextChoices):
    PROGRAMME = "programme", _("Programme")
    SUB_PROGRAMME = "sub_programme", _("Sub-programme")
    POLICY_FIELD = "policy_field", _("Policy field (beleidsveld)")


class PolicyArea(VersionedModel):
    """Programme (2) > sub-programme (2.1) > policy field (2.1.4), as the begroting is organised."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    title = translated("title")

    class Meta:
        ordering = ["code"]
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")

    @property
    def level(self) -> str:
        depth = self.code.count(".")
        return (
            [PolicyAreaLevel.PROGRAMME, PolicyAreaLevel.SUB_PROGRAMME][depth]
            if depth < 2
            else (PolicyAreaLevel.POLICY_FIELD)
        )

    def clean(self) -> None:
        super().clean()
        parts = (self.code or "").split(".")
        if not all(part.isdigit() for part in parts):
            raise ValidationError(
                {"code": _("A code is made of numbers separated by dots, e.g. 2.1.4.")}
            )
        if len(parts) > 1:
            expected_parent = ".".join(parts[:-1])
            if self.parent is None or self.parent.code != expected_parent:
                raise ValidationError(
                    {
                        "parent": _("The parent of %(code)s must be %(parent)s.")
                        % {"code": self.code, "parent": expected_parent}
                    }
                )
        elif self.parent_id is not None:
            raise ValidationError({"parent": _("A programme has no parent.")})

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
