"""A lower app's templates link only to its own pages and those of the apps below it, like its
code imports only downward: a page that links up would break (NoReverseMatch) without the app
above. What a higher app adds to a lower app's page comes in through an extension point
(``core.contributions``: page sections and page actions). The same holds for the templates a page
includes or extends: a lower app must not pull in a template of an app above it."""

import re
import tomllib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1]
# Either quote, any spacing: {% url "workspace:home" %}, {%url 'workspace:home'%}.
URL_TAG = re.compile(r"""{%\s*url\s+['"](?P<namespace>[a-z_]+):""")
# {% include "workspace/_part.html" %}, {% extends 'portal/base.html' %}.
TEMPLATE_TAG = re.compile(r"""{%\s*(?:include|extends)\s+['"](?P<namespace>[a-z_]+)/""")


def layer_ranks() -> dict[str, int]:
    """App -> its line in the layer contract, 0 being the top."""
    config = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text())
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers"]
    return {
        app.strip(): rank for rank, line in enumerate(contract["layers"]) for app in line.split("|")
    }


def upward_references(app: str, text: str, ranks: dict[str, int]) -> list[str]:
    """The apps at or above ``app``'s line that ``text`` links to or takes a template from."""
    tags = (URL_TAG, TEMPLATE_TAG)
    targets = [match["namespace"] for tag in tags for match in tag.finditer(text)]
    return [t for t in targets if t in ranks and t != app and ranks[t] <= ranks[app]]


@pytest.mark.parametrize(
    "tag",
    [
        """{% url "workspace:home" %}""",
        """{% url 'workspace:home' %}""",
        """{%url   "workspace:home"%}""",
        """{% url "workspace:home" as home %}""",
        """{%\n  url 'workspace:home' pk\n%}""",
        """{% include "workspace/_part.html" %}""",
        """{%extends 'portal/base.html'%}""",
        """{% include "planning/_x.html" with a=b only %}""",
    ],
)
def test_every_way_of_writing_an_upward_link_is_caught(tag):
    assert upward_references("agenda", tag, layer_ranks()) != []


def test_downward_and_own_links_pass():
    text = """{% url "agenda:month" %}{% url 'relations:organisation-list' %}
    {% include "core/_history.html" %}{% extends "base.html" %}{% url "admin:index" %}"""
    assert upward_references("agenda", text, layer_ranks()) == []


def test_no_template_links_to_an_app_above_or_beside_its_own():
    ranks = layer_ranks()
    upward, links = [], 0
    for app in ranks:
        for template in sorted((PACKAGE / "templates" / app).rglob("*.html")):
            text = template.read_text()
            links += len(URL_TAG.findall(text))
            upward += [
                f"{template.relative_to(PACKAGE)} -> {target}"
                for target in upward_references(app, text, ranks)
            ]
    assert upward == []
    assert links > 100  # the scan did read the templates' links (a broken pattern finds none)


def test_the_layers_name_every_app_with_templates():
    ranks = layer_ranks()
    folders = {path.name for path in (PACKAGE / "templates").iterdir() if path.is_dir()}
    assert folders - set(ranks) <= {"admin", "django", "registration"}
