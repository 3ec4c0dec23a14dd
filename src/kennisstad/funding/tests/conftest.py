import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """These tests read the English messages of what a service or rule decides; the pages'
    own language is tested through requests, which choose it themselves."""
    with translation.override("en"):
        yield
