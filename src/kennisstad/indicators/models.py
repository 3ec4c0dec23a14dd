"""Performance indicators: what the budget promises (targets) and what was achieved
(realisations), each number with its origin, peildatum and the document it came from."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel

MAX_DECIMALS = 4  # the decimal places of every stored value


class Unit(models.TextChoices):
    COUNT = "count", _("Number")
    PERCENTAGE = "percentage", _("Percentage")
    EURO = "euro", _("Euro")
    SCORE = "score", _("Score")
    OTHER = "other", _("Other")


class Frequency(models.TextChoices):
    YEARLY = "yearly", _("Every year")
    BIENNIAL = "biennial", _("Every two years")


class Method(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    COMPUTED = "computed", _("Computed from the registry")


class IndicatorKind(models.TextChoices):
    PERFORMANCE = "performance", _("Prestatie-indicator (output)")
    EFFECT = "effect", _("Effect-indicator (outcome)")
    STATUTORY = "statutory", _("BBV beleidsindicator (mandatory)")


class Indicator(VersionedModel):
    code = models.SlugField(_("code"), max_length=120, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    policy_area = models.ForeignKey(
        "policy.PolicyArea",
        verbose_name=_("policy field"),
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=IndicatorKind.choices, default=IndicatorKind.PERFORMANCE
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the figures come from, e.g. a survey or waarstaatjegemeente.nl."),
    )
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices, default=Unit.COUNT)
    # Values are stored with 4 decimal places; more cannot be shown, and a huge count once
    # broke every page that formats the indicator.
    decimals = models.PositiveSmallIntegerField(
        _("decimals"), default=0, validators=[MaxValueValidator(MAX_DECIMALS)]
    )
    frequency = models.CharField(
        _("frequency"), max_length=20, choices=Frequency.choices, default=Frequency.YEARLY
    )
    base_year = models.PositiveSmallIntegerField(
        _("base year"),
        null=True,
        blank=True,
        help_text=_("For indicators measured every two years: a year in which it is measured."),
    )
    measured_from = models.PositiveSmallIntegerField(
        _("measured from"),
        null=True,
        blank=True,
        help_text=_("The first year with data; earlier years show a dash."),
    )
    method = models.CharField(
        _("measurement"), max_length=20, choices=Method.choices, default=Method.MANUAL
    )
    rule = models.JSONField(
        _("counting rule"),
        default=dict,
        blank=True,
        help_text=_("For computed indicators: what to count in the registry."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner (team member)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_indicators",
        help_text=_("Who delivers the figures; reminded before each deadline."),
    )
    owner_organisation = models.ForeignKey(
        "relations.Organisation",
        verbose_name=_("owner (partner organisation)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_indicators",
        help_text=_("A partner that delivers the figures itself, such as the IWCN."),
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    name = translated("name")

    class Meta:
        ordering = ["policy_area__code", "order", "name_nl"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.frequency == Frequency.BIENNIAL and self.base_year is None:
            errors["base_year"] = _("An indicator measured every two years needs a base year.")
        errors.update(self._kind_errors())
        if self.owner_id and self.owner_organisation_id:
            errors["owner_organisation"] = _(
                "An indicator has one owner: a team member or a partner organisation, not both."
            )
        if self.method == Method.COMPUTED and "method" not in errors:
            from .rules import RuleError, parse_rule

            try:
                self.rule = parse_rule(self.rule).as_dict()
            except RuleError as exc:
                errors["rule"] = str(exc)
        if errors:
            raise ValidationError(errors)

    def _kind_errors(self) -> dict[str, str]:
        """Only a prestatie-indicator counts what the registry holds; effects are measured
        outside it (a survey), and a BBV beleidsindicator is reported with its source."""
        errors = {}
        if self.method == Method.COMPUTED and self.kind != IndicatorKind.PERFORMANCE:
            errors["method"] = _(
                "Only a prestatie-indicator can be computed from the registry; effect and BBV "
                "indicators are entered or imported."
            )
        if self.kind == IndicatorKind.STATUTORY and not self.source.strip():
            errors["source"] = _(
                "A BBV beleidsindicator needs its source, e.g. waarstaatjegemeente.nl."
            )
        return errors

    def is_measured_in(self, year: int) -> bool:
        """False where the budget shows a dash by rule: before the first year, or an off-year."""
        if self.measured_from is not None and year < self.measured_from:
            return False
        if self.frequency == Frequency.BIENNIAL and self.base_year is not None:
            return (year - self.base_year) % 2 == 0
        return True


class Comparator(models.TextChoices):
    GREATER = ">", _("more than")
    GREATER_EQUAL = "≥", _("at least")
    EQUAL = "=", _("exactly")
    LESS_EQUAL = "≤", _("at most")
    LESS = "<", _("less than")
    RANGE = "range", _("between")
    TEXT = "text", _("text only")


class Target(VersionedModel):
    """A target as adopted in a budget; once that budget is published it never changes."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="targets"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    comparator = models.CharField(_("comparator"), max_length=8, choices=Comparator.choices)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4, null=True, blank=True)
    value_high = models.DecimalField(
        _("upper value"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    display_text = models.CharField(
        _("as written"), max_length=60, blank=True, help_text=_("E.g. > 5, ≥ 80%, 10–12, Top 8.")
    )
    set_in = models.ForeignKey(
        "policy.Document",
        verbose_name=_("set in"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets_set",
    )
    source_document = models.ForeignKey(
        "policy.Document",
        verbose_name=_("read from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="targets_read",
        help_text=_("The document this target was imported from."),
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["indicator", "year"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        # One target per year per document that printed it (documents disagree, and each
        # keeps its own); one per adopting document among those entered by hand.
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "source_document"],
                condition=models.Q(source_document__isnull=False),
                name="unique_target_per_source_document",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year", "set_in"],
                condition=models.Q(source_document__isnull=True),
                name="unique_target_per_document",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.display_text}"

    def clean(self) -> None:
        super().clean()
        if self.comparator == Comparator.RANGE:
            if self.value is None or self.value_high is None:
                raise ValidationError(
                    {"value_high": _("A range needs a lower and an upper value.")}
                )
            if self.value_high < self.value:
                raise ValidationError({"value_high": _("The upper value lies below the lower.")})
        elif self.comparator != Comparator.TEXT and self.value is None:
            raise ValidationError({"value": _("This comparator needs a value.")})
        from .formatting import format_target

        if self.comparator == Comparator.TEXT:
            if not (self.display_text or "").strip():
                raise ValidationError({"display_text": _("A text target needs its text.")})
        else:
            # The printed form always follows the comparator and value, so they cannot disagree.
            self.display_text = format_target(self)

    @property
    def is_frozen(self) -> bool:
        """Only a document the council adopted (vastgesteld) fixes its targets; an imported or
        offered one does not: the council may still amend it, or never decided it here."""
        return self.set_in is not None and self.set_in.is_adopted

    def is_met_by(self, value: Decimal | None) -> bool | None:
        """Whether a realised value meets the target; None when it cannot be judged."""
        if value is None or self.comparator == Comparator.TEXT or self.value is None:
            return None
        return {
            Comparator.GREATER: value > self.value,
            Comparator.GREATER_EQUAL: value >= self.value,
            Comparator.EQUAL: value == self.value,
            Comparator.LESS_EQUAL: value <= self.value,
            Comparator.LESS: value < self.value,
            Comparator.RANGE: self.value <= value <= (self.value_high or self.value),
        }[self.comparator]


class Origin(models.TextChoices):
    COMPUTED = "computed", _("Computed")
    MANUAL = "manual", _("Entered by hand")
    IMPORTED = "imported", _("Imported")
    DELIVERED = "delivered", _("Delivered by a partner and approved")


class Realisation(VersionedModel):
    """What was achieved in a year. Several may exist (computed on different dates, imported from
    documents that disagree); the newest peildatum is current."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="realisations",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4, null=True, blank=True)
    display_text = models.CharField(
        _("as written"), max_length=60, blank=True, help_text=_("For values such as Top 8 or NTB.")
    )
    origin = models.CharField(
        _("origin"), max_length=20, choices=Origin.choices, default=Origin.MANUAL
    )
    measured_on = models.DateField(_("peildatum"))
    source_document = models.ForeignKey(
        "policy.Document",
        verbose_name=_("source document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="realisations",
    )
    note = models.TextField(_("note"), blank=True)
    explanation = models.TextField(
        _("explanation"),
        blank=True,
        help_text=_("Why the target was not met; the jaarstukken print it next to the value."),
    )
    counted = models.JSONField(
        _("counted records"),
        default=dict,
        blank=True,
        help_text=_('For computed values: the records counted, {"model": ..., "ids": [...]}.'),
    )
    history = HistoricalRecords(excluded_fields=["updated_at", "counted"])

    class Meta:
        ordering = ["indicator", "year", "-measured_on", "-id"]
        verbose_name = _("realisation")
        verbose_name_plural = _("realisations")
        indexes = [models.Index(fields=["indicator", "year", "measured_on"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.display_text or self.value}"

    def clean(self) -> None:
        super().clean()
        from .formatting import UnreadableValue, parse_value

        errors = {}
        if self.display_text:
            try:
                parsed = parse_value(self.display_text)
            except UnreadableValue:
                parsed = None
            if parsed is None or parsed.comparator != "text":
                errors["display_text"] = _(
                    "Use this only for values that are not a number, such as Top 8 or NTB; "
                    "a number goes in the value field."
                )
            elif parsed.value is not None and self.value is not None and parsed.value != self.value:
                errors["value"] = _("The value does not match %(text)s.") % {
                    "text": self.display_text
                }
        indicator = self.indicator if self.indicator_id else None
        if (
            indicator
            and indicator.measured_from
            and self.year
            and self.year < indicator.measured_from
        ):
            errors["year"] = _("This indicator is measured from %(year)s.") % {
                "year": indicator.measured_from
            }
        if self.measured_on and self.measured_on > timezone.localdate():
            errors["measured_on"] = _("The peildatum cannot lie in the future.")
        if errors:
            raise ValidationError(errors)


# The official-figure choice and partner deliveries live in their own modules (this one is
# near the 400-line limit); they are imported here so Django registers it with the app.
from .authoritative import AuthoritativeValue, FigureKind  # noqa: E402, F401
from .delivery_models import DeliveredValue, DeliveryStatus, ValueReminder  # noqa: E402, F401
