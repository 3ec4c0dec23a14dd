"""The municipality's colours as NL Design System theme tokens: a small stylesheet at
``/theme.css``, linked after the Utrecht tokens so its custom properties win. A stylesheet of our
own origin needs nothing from the content security policy; its address carries a hash of its
text, so a browser may keep it for a year and still sees a changed colour at once."""

import hashlib
from functools import lru_cache

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from .municipality import WHITE, Municipality, contrast, current, darker, text_colour_on

YEAR = 365 * 24 * 3600
# WCAG 2.x, success criterion 1.4.11: graphics need 3:1 against their background.
GRAPHICS_CONTRAST = 3


def _brand_tokens(colour: str) -> list[str]:
    text = text_colour_on(colour)
    return [
        f"--ks-brand-background-color: {colour};",
        f"--ks-brand-color: {text};",
        f"--utrecht-page-footer-background-color: {colour};",
        "--utrecht-page-footer-background-image: none;",
        f"--utrecht-page-footer-color: {text};",
    ]


def _action_tokens(colour: str) -> list[str]:
    """Links and buttons on the light page (the system check holds the colour to 4.5:1 against
    white); a dark colour scheme keeps the design tokens' own light-on-dark colours."""
    hover = darker(colour)
    text = text_colour_on(colour)
    return [
        f"--utrecht-link-color: {colour};",
        f"--utrecht-link-focus-color: {hover};",
        f"--utrecht-link-hover-color: {hover};",
        f"--utrecht-button-primary-action-background-color: {colour};",
        f"--utrecht-button-primary-action-color: {text};",
        f"--utrecht-button-primary-action-hover-background-color: {hover};",
        f"--utrecht-button-primary-action-hover-color: {text};",
        f"--utrecht-button-primary-action-focus-background-color: {hover};",
        f"--utrecht-button-primary-action-focus-border-color: {hover};",
        f"--utrecht-button-secondary-action-color: {colour};",
        f"--utrecht-button-secondary-action-border-color: {colour};",
        f"--utrecht-button-secondary-action-hover-color: {hover};",
        f"--utrecht-button-secondary-action-hover-border-color: {hover};",
        f"--utrecht-button-subtle-color: {colour};",
        f"--utrecht-button-subtle-hover-color: {hover};",
        f"--utrecht-button-subtle-hover-border-color: {hover};",
        f"--utrecht-button-subtle-focus-color: {hover};",
        f"--utrecht-button-subtle-focus-border-color: {hover};",
        f"--utrecht-button-subtle-active-background-color: {colour};",
        f"--utrecht-button-subtle-active-color: {text};",
    ]


def _accent_tokens(brand_colour: str, action_colour: str) -> list[str]:
    """List bullets and the line under table headers: the brand colour where it stands out
    from the white page (3:1, WCAG's minimum for graphics), otherwise the action colour."""
    accent = brand_colour
    if not accent or contrast(accent, WHITE) < GRAPHICS_CONTRAST:
        accent = action_colour
    if not accent:
        return []
    return [
        f"--utrecht-unordered-list-marker-color: {accent};",
        f"--utrecht-table-header-border-block-end-color: {accent};",
        f"--utrecht-table-header-sticky-border-block-end-color: {accent};",
        f"--utrecht-table-footer-sticky-border-block-start-color: {accent};",
    ]


@lru_cache(maxsize=8)
def stylesheet(brand_colour: str, action_colour: str) -> str:
    """The theme for two ``#rrggbb`` colours; an empty colour leaves its tokens alone."""
    parts = ["/* The municipality's colours (core.theme); generated from the settings. */"]
    if brand_colour:
        parts.append(".utrecht-theme {\n  " + "\n  ".join(_brand_tokens(brand_colour)) + "\n}")
    light = (_action_tokens(action_colour) if action_colour else []) + _accent_tokens(
        brand_colour, action_colour
    )
    if light:
        tokens = "\n    ".join(light)
        parts.append(
            "@media (prefers-color-scheme: light) {\n  .utrecht-theme {\n    " + tokens + "\n  }\n}"
        )
    return "\n".join(parts) + "\n"


@lru_cache(maxsize=8)
def _hash(brand_colour: str, action_colour: str) -> str:
    return hashlib.sha256(stylesheet(brand_colour, action_colour).encode()).hexdigest()[:12]


def version(municipality: Municipality | None = None) -> str:
    """A short hash of the stylesheet, for its address (``/theme.css?v=…``); every page asks,
    so it is hashed once per pair of colours."""
    municipality = municipality or current()
    return _hash(municipality.brand_colour, municipality.action_colour)


@require_safe
def theme_css(request):
    """Public (the portal uses it too); cached for a year when asked for by its current hash."""
    municipality = current()
    css = stylesheet(municipality.brand_colour, municipality.action_colour)
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    if request.GET.get("v") == version(municipality):
        response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        response["Cache-Control"] = "public, max-age=300"
    return response
