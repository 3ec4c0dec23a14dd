"""Documents that print different numbers for one indicator and year each keep their own
record, with their source; the report names both documents and both values."""

import pytest

from kennisstad.indicators.models import Realisation, Target
from kennisstad.planning.document_import import import_document
from kennisstad.planning.tests.factories import (
    BEGROTING_2018,
    JAARSTUKKEN_2017,
    printed_chapter,
    printed_document,
    printed_table,
)

pytestmark = pytest.mark.django_db
NAME = "Aantal samenwerkingsprojecten"


def begroting(behaald_2016="2", beoogd="> 5"):
    table = printed_table(BEGROTING_2018, {NAME: [behaald_2016, beoogd]})
    return printed_document("begroting", 2018, printed_chapter("2.1.4", "Kennisstad", table))


def jaarstukken():
    table = printed_table(JAARSTUKKEN_2017, {NAME: ["8", "3"]})
    return printed_document("jaarstukken", 2017, printed_chapter("2.1.4", "Kennisstad", table))


def test_each_document_keeps_its_own_value_and_the_report_names_both(english):
    import_document(printed=begroting())
    report = import_document(printed=jaarstukken())
    values = {
        (r.source_document.year, r.source_document.kind): r.value
        for r in Realisation.objects.filter(year=2016)
    }
    assert values == {(2018, "begroting"): 2, (2017, "jaarstukken"): 8}
    assert all(r.origin == "imported" for r in Realisation.objects.all())
    assert [str(c) for c in report.conflicts] == [
        f"line 10: Behaald 2016 of “{NAME}”: 8 in Jaarstukken 2017, 2 in Begroting 2018"
    ]


def test_a_target_is_set_in_its_own_begroting_only():
    import_document(printed=begroting())
    table = printed_table((("Beoogd", 2018, "target"),), {NAME: ["> 2"]})
    report = import_document(
        printed=printed_document("jaarstukken", 2018, printed_chapter("2.1.4", "K", table))
    )
    own, quoted = Target.objects.order_by("source_document__kind")
    assert (own.set_in, own.source_document) == (own.source_document, own.source_document)
    assert quoted.set_in is None and quoted.source_document.kind == "jaarstukken"
    assert len(report.conflicts) == 2  # the title, and > 2 against > 5
