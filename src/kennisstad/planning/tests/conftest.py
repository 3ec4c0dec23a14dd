import pytest
from django.utils import translation


@pytest.fixture
def english():
    """Tests of what an import decides read its English messages, whatever the catalogue."""
    with translation.override("en"):
        yield
