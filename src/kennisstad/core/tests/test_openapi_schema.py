"""The OpenAPI schema in the repository is exactly what the code generates (``make schema``)."""

from pathlib import Path

from django.core.management import call_command

COMMITTED = Path(__file__).resolve().parents[2] / "openapi.yaml"


def test_committed_schema_matches_the_code(tmp_path):
    generated = tmp_path / "openapi.yaml"
    call_command(
        "spectacular", "--lang", "en", "--file", str(generated), "--validate", "--fail-on-warn"
    )
    assert generated.read_text() == COMMITTED.read_text(), (
        "The API changed but src/kennisstad/openapi.yaml did not: run `make schema` and commit it."
    )
