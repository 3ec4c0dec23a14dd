"""The OpenAPI schema in the repository is exactly what the code generates (``make schema``)."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

COMMITTED = Path(__file__).resolve().parents[1] / "openapi.yaml"


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="integer ranges in the schema come from the database backend; the committed schema "
    "is generated and checked on the embedded SQLite database",
)
def test_committed_schema_matches_the_code(tmp_path):
    generated = tmp_path / "openapi.yaml"
    call_command(
        "spectacular", "--lang", "en", "--file", str(generated), "--validate", "--fail-on-warn"
    )
    assert generated.read_text() == COMMITTED.read_text(), (
        "The API changed but src/kennisstad/openapi.yaml did not: run `make schema` and commit it."
    )
