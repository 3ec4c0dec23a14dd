"""The layer contract holds, and it would catch an upward import, even one inside a function.

Runs ``lint-imports`` on the real tree, then on a copy where the kernel imports the top app from
inside a function: the second run must fail and name the import."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2]
REPO = SRC.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")


def run_lint_imports(src: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), str(REPO / "pyproject.toml"), "--no-cache"],
        cwd=REPO,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_of_the_code(target: Path) -> Path:
    shutil.copytree(
        SRC / "kennisstad",
        target / "kennisstad",
        ignore=shutil.ignore_patterns("static", "templates", "locale", "__pycache__", "*.yaml"),
    )
    return target


def test_the_code_keeps_the_layer_contract():
    result = run_lint_imports(SRC)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_upward_import_inside_a_function_breaks_the_contract(tmp_path):
    src = copy_of_the_code(tmp_path)
    kernel_module = src / "kennisstad" / "core" / "queries.py"
    kernel_module.write_text(
        kernel_module.read_text()
        + "\n\ndef sneaky():\n    from kennisstad.workspace import views\n\n    return views\n"
    )
    result = run_lint_imports(src)
    assert result.returncode != 0
    assert "kennisstad.core is not allowed to import kennisstad.workspace" in result.stdout
    assert "kennisstad.core.queries -> kennisstad.workspace.views" in result.stdout
