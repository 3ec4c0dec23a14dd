"""The API schema is generated once per process, language and format, then served from memory
with an ETag (generating it took most of a second, six requests a second under load)."""

import pytest
from django.test import Client

from kennisstad.core import api_schema_view

pytestmark = pytest.mark.django_db
SCHEMA = "/api/v1/schema/"


def test_the_schema_is_generated_once_and_answers_conditional_requests(monkeypatch):
    monkeypatch.setattr(api_schema_view, "_rendered", {})
    first = Client().get(SCHEMA, {"lang": "en"})
    assert first.status_code == 200 and first.content.startswith(b"openapi:")
    generated = []
    monkeypatch.setattr(
        api_schema_view.SpectacularAPIView, "get", lambda *a, **k: generated.append(1)
    )
    again = Client().get(SCHEMA, {"lang": "en"})
    assert generated == [] and again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert Client().get(SCHEMA, {"lang": "en"}, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
