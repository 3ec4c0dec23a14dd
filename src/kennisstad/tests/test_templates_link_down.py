"""A lower app's templates link only to its own pages and those of the apps below it, like its
code imports only downward: a page that links up would break (NoReverseMatch) without the app
above. What a higher app adds to a lower app's page comes in through an extension point
(``core.contributions``: page sections and page actions)."""

import re
import tomllib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
URL_TAG = re.compile(r"""{%\s*url\s+['"](?P<namespace>[a-z_]+):""")


def layer_ranks() -> dict[str, int]:
    """App -> its line in the layer contract, 0 being the top."""
    config = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text())
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers"]
    return {
        app.strip(): rank for rank, line in enumerate(contract["layers"]) for app in line.split("|")
    }


def test_no_template_links_to_an_app_above_or_beside_its_own():
    ranks = layer_ranks()
    upward = []
    for app, rank in ranks.items():
        for template in sorted((PACKAGE / "templates" / app).rglob("*.html")):
            for match in URL_TAG.finditer(template.read_text()):
                target = match["namespace"]
                if target in ranks and target != app and ranks[target] <= rank:
                    upward.append(f"{template.relative_to(PACKAGE)} -> {target}")
    assert upward == []


def test_the_layers_name_every_app_with_templates():
    ranks = layer_ranks()
    folders = {path.name for path in (PACKAGE / "templates").iterdir() if path.is_dir()}
    assert folders - set(ranks) <= {"admin", "django", "registration"}
