"""Other apps name a P&C document as ``begroting-2018``: the name leads back to the document,
and anything else is "no such document", never an error of its own."""

import pytest

from kennisstad.policy import selectors
from kennisstad.policy.models import Document
from kennisstad.policy.tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_a_reference_names_one_document():
    begroting = DocumentFactory(kind="begroting", year=2018)
    jaarstukken = DocumentFactory(kind="jaarstukken", year=2018)
    assert selectors.document_reference(begroting) == "begroting-2018"
    assert selectors.document_by_reference("begroting-2018") == begroting
    assert selectors.document_by_reference("jaarstukken-2018") == jaarstukken
    assert list(selectors.documents()) == [begroting, jaarstukken]


@pytest.mark.parametrize(
    "reference", ["begroting-2019", "begroting", "begroting-20x8", "", "-2018", "begroting-99999"]
)
def test_an_unknown_reference_is_no_such_document(reference):
    DocumentFactory(kind="begroting", year=2018)
    with pytest.raises(Document.DoesNotExist):
        selectors.document_by_reference(reference)
