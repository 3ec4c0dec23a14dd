"""Startup checks of the municipality settings (``kennisstad check``, ``migrate``, ``runserver``):
a colour the theme cannot use, or links that would be too faint to read, stop the start with a
message saying which setting and why, instead of a page that quietly looks wrong."""

from django.conf import settings
from django.core.checks import Error, register

from .municipality import HEX_COLOUR, TEXT_CONTRAST, WHITE, contrast, normalised_colour

COLOUR_SETTINGS = ("KENNISSTAD_BRAND_COLOUR", "KENNISSTAD_ACTION_COLOUR")


@register()
def municipality_settings(app_configs, **kwargs) -> list[Error]:
    errors = []
    if not str(settings.KENNISSTAD_MUNICIPALITY_NAME).strip():
        errors.append(
            Error(
                "KENNISSTAD_MUNICIPALITY_NAME is empty.",
                hint="Set it to the municipality's name as people write it, e.g. Groningen.",
                id="core.E001",
            )
        )
    for name in COLOUR_SETTINGS:
        value = getattr(settings, name)
        if not HEX_COLOUR.fullmatch(str(value).strip()):
            errors.append(
                Error(
                    f"{name} must be a CSS hex colour such as #cc0000, not {value!r}.",
                    id="core.E002",
                )
            )
    action = normalised_colour(settings.KENNISSTAD_ACTION_COLOUR)
    if action and contrast(action, WHITE) < TEXT_CONTRAST:
        errors.append(
            Error(
                f"KENNISSTAD_ACTION_COLOUR {action} has a contrast of "
                f"{contrast(action, WHITE):.2f}:1 with the white page; links and buttons need "
                f"at least {TEXT_CONTRAST}:1 (WCAG 2.2, success criterion 1.4.3).",
                hint="Choose a darker shade of the colour.",
                id="core.E003",
            )
        )
    logo = str(settings.KENNISSTAD_LOGO).strip()
    if logo.startswith(("https://", "http://")):
        errors.append(
            Error(
                f"KENNISSTAD_LOGO {logo!r} is on another site; the content security policy lets "
                "pages show images from this site only, so no logo would appear.",
                hint="Put the logo among the static files and give its path, e.g. "
                "kennisstad/logo.svg, or an address on this site such as /media/logo.png.",
                id="core.E004",
            )
        )
    return errors
