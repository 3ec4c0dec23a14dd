"""``make typecheck`` (mypy, in CI) checks every app's writes and reads: the ``files`` globs in
``[tool.mypy]`` must reach each services and selectors module, also of an app added later or one
whose module became a package, and checking them must stay strict."""

import tomllib
from pathlib import Path

SRC = Path(__file__).resolve().parents[2]
REPO = SRC.parent


def mypy_config() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["mypy"]


def checked_files() -> set[Path]:
    return {path.resolve() for pattern in mypy_config()["files"] for path in REPO.glob(pattern)}


def services_and_selectors() -> set[Path]:
    found = set()
    for name in ("services", "selectors"):
        found |= set((SRC / "kennisstad").rglob(f"{name}.py"))
        found |= set((SRC / "kennisstad").rglob(f"*_{name}.py"))  # cycle_services.py, ...
        found |= set((SRC / "kennisstad").rglob(f"{name}/**/*.py"))
    return {path.resolve() for path in found if "tests" not in path.parts}


def test_every_services_and_selectors_module_is_type_checked():
    modules = services_and_selectors()
    assert len(modules) >= 16  # the registry apps' modules are really found
    missing = sorted(str(path.relative_to(REPO)) for path in modules - checked_files())
    assert not missing, f"not in [tool.mypy] files: {missing}"


def test_the_checked_modules_must_be_fully_annotated():
    config = mypy_config()
    for option in ("disallow_untyped_defs", "disallow_incomplete_defs", "check_untyped_defs"):
        assert config.get(option) is True, option
    assert "mypy_django_plugin.main" in config["plugins"]
