"""No module over 400 lines and no function over 60 lines (tests and migrations aside): a
newcomer reads a module in one sitting and a function on one screen. The few exceptions are
named here with the reason; a new one needs a reason too."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
# "path/inside/kennisstad.py:function" -> why it is longer.
LONGER_FUNCTIONS: dict[str, str] = {}


def production_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if "tests" in parts or "migrations" in parts:
            continue
        yield path


def test_the_scan_reads_the_apps_and_leaves_tests_and_migrations_out():
    modules = {str(path.relative_to(PACKAGE)) for path in production_modules()}
    assert {"core/imports.py", "agenda/services.py", "workspace/views.py"} <= modules
    assert not any("/tests/" in name or "/migrations/" in name for name in modules)


def test_the_exceptions_name_functions_that_exist():
    for name in LONGER_FUNCTIONS:
        path, function = name.split(":")
        assert f"def {function}(" in (PACKAGE / path).read_text(), name


def test_no_module_is_longer_than_400_lines():
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in production_modules()
        if (lines := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_function_is_longer_than_60_lines():
    long = {}
    for path in production_modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                name = f"{path.relative_to(PACKAGE)}:{node.name}"
                if lines > MAX_FUNCTION_LINES and name not in LONGER_FUNCTIONS:
                    long[name] = lines
    assert long == {}
