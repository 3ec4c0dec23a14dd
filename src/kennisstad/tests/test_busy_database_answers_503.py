"""A write that cannot get the database (SQLite: another connection holds the write lock
longer than the busy timeout; PostgreSQL: a lock timeout) answers 503 with Retry-After and a
"try again", on pages and in the API, never a 500."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.tests.locking import another_writer_holds_the_lock


@pytest.mark.django_db(transaction=True)
def test_api_write_on_a_locked_database_answers_503_with_retry_after():
    client = APIClient()
    client.force_login(UserFactory(username="busy-api"))  # logging in writes: before the lock
    with another_writer_holds_the_lock():
        response = client.post(
            "/api/v1/contact-moments/",
            {"happened_on": "2030-01-01", "kind": "call", "subject": "Bellen"},
            format="json",
        )
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "opnieuw" in response.json()["detail"]


@pytest.mark.django_db(transaction=True)
def test_login_on_a_locked_database_answers_503_page_not_500():
    UserFactory(username="busy-page")
    client = Client(raise_request_exception=False)
    with another_writer_holds_the_lock():
        response = client.post(
            "/accounts/login/", {"username": "busy-page", "password": "secret-password"}
        )
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "opnieuw" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_what_counts_as_busy():
    from django.db import OperationalError

    from kennisstad.core.busy import is_busy

    assert not is_busy(OperationalError("no such table: x"))
    assert is_busy(OperationalError("database is locked"))
    refused = OperationalError("connection failed: FATAL:  sorry, too many clients already")
    assert is_busy(refused)
    try:  # the session middleware failing after the database did
        try:
            raise refused
        except OperationalError:
            raise AttributeError("'SessionStore' object has no attribute '_session_cache'")  # noqa: B904
    except AttributeError as later:
        assert is_busy(later)
