"""The committed schema documents every answer the API gives: the error codes of each kind of
operation (from the shared schema class, so no viewset can forget them), anonymous reads of
public records, the unpaginated list ``compute`` returns and each export format's media type."""

import pytest
import yaml

from kennisstad.tests.test_openapi_schema import COMMITTED

SCHEMA = yaml.safe_load(COMMITTED.read_text())
OPERATIONS = [
    (path, method, operation)
    for path, item in SCHEMA["paths"].items()
    for method, operation in item.items()
    if method in {"get", "post", "put", "patch", "delete"}
]


@pytest.mark.parametrize(
    ("path", "method", "operation"), OPERATIONS, ids=[f"{m} {p}" for p, m, _ in OPERATIONS]
)
def test_every_operation_documents_its_errors(path, method, operation):
    codes = set(operation["responses"])
    assert {"400", "401", "403", "404"} <= codes
    if method != "get":
        assert "409" in codes
    if any(parameter["name"] == "If-Match" for parameter in operation.get("parameters", [])):
        assert {"412", "428"} <= codes


@pytest.mark.parametrize(
    ("path", "public"),
    [
        ("/api/v1/activities/", True),
        ("/api/v1/activities/{id}/", True),
        ("/api/v1/projects/", True),
        ("/api/v1/projects/{id}/", True),
        ("/api/v1/themes/", True),
        ("/api/v1/people/", False),
        ("/api/v1/organisations/", False),
    ],
)
def test_public_reads_need_no_login(path, public):
    assert ({} in SCHEMA["paths"][path]["get"]["security"]) is public
    if "post" in SCHEMA["paths"][path]:
        assert {} not in SCHEMA["paths"][path]["post"]["security"]


def test_compute_answers_a_plain_list():
    answer = SCHEMA["paths"]["/api/v1/indicators/{id}/compute/"]["post"]["responses"]["200"]
    schema = answer["content"]["application/json"]["schema"]
    assert schema["type"] == "array"
    assert schema["items"] == {"$ref": "#/components/schemas/Realisation"}


def test_each_export_format_has_its_media_type():
    path = "/api/v1/chapters/{id}/export/{file_format}/"
    content = SCHEMA["paths"][path]["get"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"]["type"] == "object"
    assert content["text/csv"]["schema"] == {"type": "string"}
    sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert content[sheet]["schema"]["format"] == "binary"
    assert "*/*" not in content
