"""The API's rate limits: per client address without an account, per account with one, counted
in the shared cache (Redis with REDIS_URL, so every server counts the same requests); rates from
the environment, API_THROTTLE=false switches them off; the API's description is never limited."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

LIST = "/api/v1/activities/"  # public activities: open to anonymous readers


@pytest.fixture
def rates(settings):
    def set_rates(anon="1000/min", user="1000/min"):
        settings.API_THROTTLE = True  # off for the rest of the suite (conf.test)
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"anon": anon, "user": user},
        }

    return set_rates


def test_anonymous_requests_are_limited_per_address(api_client_for, rates):
    rates(anon="2/min")
    client = api_client_for(None)
    assert [client.get(LIST).status_code for _ in range(3)] == [200, 200, 429]
    refused = client.get(LIST)
    assert int(refused["Retry-After"]) > 0
    other_address = client.get(LIST, REMOTE_ADDR="192.0.2.9")
    assert other_address.status_code == 200


def test_signed_in_requests_are_limited_per_account(api_client_for, rates, team_member, reader):
    rates(user="3/min")
    client = api_client_for(team_member)
    assert [client.get(LIST).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert api_client_for(reader).get(LIST).status_code == 200


def test_the_counts_are_kept_in_the_shared_cache(api_client_for, rates, team_member):
    rates(user="5/min")
    api_client_for(team_member).get(LIST)
    assert len(cache.get(f"throttle_user_{team_member.pk}")) == 1


def test_switched_off(api_client_for, rates, settings):
    rates(anon="1/min")
    settings.API_THROTTLE = False
    client = api_client_for(None)
    assert {client.get(LIST).status_code for _ in range(3)} == {200}


def test_the_description_of_the_api_is_not_limited(api_client_for, rates, team_member):
    rates(user="1/min", anon="1/min")
    client = api_client_for(team_member)
    client.get(LIST)
    assert client.get(LIST).status_code == 429
    assert client.get("/api/v1/schema/").status_code == 200


def test_the_defaults_are_generous(settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert int(rates["anon"].split("/")[0]) >= 600
    assert int(rates["user"].split("/")[0]) >= 1000


def test_a_forged_forwarded_for_does_not_earn_a_new_allowance(api_client_for, rates, settings):
    """Without a trusted proxy the connecting address counts, whatever the client claims; with
    one, the address the proxy appended (KENNISSTAD_TRUSTED_PROXY_COUNT, as for the lockout)."""
    rates(user="1/min", anon="1/min")
    client = api_client_for(None)
    client.get(LIST, HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert client.get(LIST, HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 429
    settings.KENNISSTAD_TRUSTED_PROXY_COUNT = 1
    assert client.get(LIST, HTTP_X_FORWARDED_FOR="198.51.100.7, 192.0.2.3").status_code == 200
    assert client.get(LIST, HTTP_X_FORWARDED_FOR="203.0.113.9, 192.0.2.3").status_code == 429
