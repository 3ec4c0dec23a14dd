"""An address under /api/v1/ that names nothing (an id that is no number, a typo) answers a
JSON 404 like every other API error, never the HTML error page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/api/v1/people/1.5/", "/api/v1/activities/abc.def/", "/api/v1/no-such-thing/"]
)
def test_an_unknown_api_address_is_a_json_404(client, path):
    for method in (client.get, client.delete, client.patch):
        response = method(path)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert "detail" in response.json()
