"""The municipality this Kennisstad serves: its name, telephone number, logo and colours are
settings (the environment, Groningen's for the demo), so no template, export or message names a
city of its own accord. ``current()`` is the one way Python code reads them; templates get the
same object as ``municipality`` from ``core.context_processors.municipality``."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext as _

HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
BLACK, WHITE = "#000000", "#ffffff"
# WCAG 2.x: normal text needs 4.5:1 against its background.
TEXT_CONTRAST = 4.5


@dataclass(frozen=True)
class Municipality:
    name: str  # the place as people write it: "Groningen"
    phone: str  # for the accessibility statement; "" leaves the number out
    logo: str  # an address for <img src>, or "" for no logo
    brand_colour: str  # header stripe and footer, "#rrggbb"
    action_colour: str  # links and buttons on white, "#rrggbb"

    @property
    def site_name(self) -> str:
        """The product with the place: the header, feed and document author."""
        return f"Kennisstad {self.name}"

    @property
    def organisation(self) -> str:
        """``municipality of X`` in the active language, for sentences and document headers."""
        return _("municipality of %(name)s") % {"name": self.name}


def current() -> Municipality:
    """The configured municipality (read on every call, so a changed setting shows at once)."""
    return Municipality(
        name=settings.KENNISSTAD_MUNICIPALITY_NAME,
        phone=settings.KENNISSTAD_MUNICIPALITY_PHONE,
        logo=logo_address(settings.KENNISSTAD_LOGO),
        brand_colour=normalised_colour(settings.KENNISSTAD_BRAND_COLOUR),
        action_colour=normalised_colour(settings.KENNISSTAD_ACTION_COLOUR),
    )


def logo_address(value: str) -> str:
    """A path under the static files (``kennisstad/logo.svg``) or an address as it is (``/media/
    logo.png``, ``https://…``; the content security policy allows only this site's own)."""
    value = (value or "").strip()
    if not value or value.startswith(("/", "https://", "http://")):
        return value
    return static(value)


def normalised_colour(value: str) -> str:
    """``#abc`` -> ``#aabbcc``, lower case; an invalid value gives "" (the system check says
    why, and the theme then leaves that colour to the design tokens)."""
    value = (value or "").strip()
    if not HEX_COLOUR.fullmatch(value):
        return ""
    digits = value[1:].lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    channels = []
    for start in (1, 3, 5):
        value = int(colour[start : start + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours, 1 to 21."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(background: str) -> str:
    """White or black, whichever reads better on ``background`` (always at least 4.5:1)."""
    return WHITE if contrast(background, WHITE) >= contrast(background, BLACK) else BLACK


def darker(colour: str, amount: float = 0.2) -> str:
    """``colour`` mixed with ``amount`` black: a hover shade that keeps white text readable."""
    channels = (int(colour[start : start + 2], 16) for start in (1, 3, 5))
    return "#" + "".join(f"{round(value * (1 - amount)):02x}" for value in channels)
