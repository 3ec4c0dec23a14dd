"""The one import report: where each problem is (row, line, field) and what an import did or
would do, for a page or a command's output."""

import pytest
from django.utils import translation

from kennisstad.core.imports import ImportProblem, ImportRefused, ImportReport


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("problem", "shown"),
    [
        (ImportProblem("unknown country", row=4, field="Land"), "row 4: Land: unknown country"),
        (ImportProblem("same record as row 2", row=5), "row 5: same record as row 2"),
        (ImportProblem("unreadable", line=7, field="DTSTART"), "line 7: DTSTART: unreadable"),
        (ImportProblem("not a calendar line", line=1), "line 1: not a calendar line"),
        (ImportProblem("unknown column, ignored", field="Fax"), "Fax: unknown column, ignored"),
        (ImportProblem("The file is empty."), "The file is empty."),
    ],
)
def test_a_problem_names_where_it_is(problem, shown):
    assert str(problem) == shown


def test_a_refusal_lists_every_problem_and_counts_them():
    refused = ImportRefused([ImportProblem("a", row=2), ImportProblem("b", row=3)])
    assert refused.lines() == ["row 2: a", "row 3: b"]
    assert str(refused) == "row 2: a\nrow 3: b"
    assert refused.summary() == "2 problems: nothing was imported."
    single = ImportRefused("The file is empty.")
    assert [str(p) for p in single.problems] == ["The file is empty."]
    assert single.summary() == "1 problem: nothing was imported."


def test_a_refusal_speaks_the_language_it_is_shown_in():
    refused = ImportRefused(ImportProblem("x", row=2))
    with translation.override("nl"):
        assert str(refused) == "rij 2: x"


def test_errors_refuse_the_file():
    report = ImportReport(kind="test")
    report.refuse_if_errors()  # nothing wrong: no refusal
    report.error("wrong", row=3, field="Naam")
    with pytest.raises(ImportRefused) as refused:
        report.refuse_if_errors()
    assert refused.value.problems == [ImportProblem("wrong", row=3, field="Naam")]


def test_the_report_lines_say_what_happened():
    report = ImportReport(kind="test", dry_run=True, subject="Begroting 2027")
    report.created += ["A", "B"]
    report.changed.append("C")
    report.unchanged.append("D")
    report.conflict("uid-1: not changed", line=12)
    report.skip("unknown column, ignored", field="Fax")

    assert report.lines() == [
        "Dry run: nothing was written.",
        "Begroting 2027",
        "2 created, 1 updated, 1 unchanged. 1 conflict: the stored values were kept.",
        "+ A",
        "+ B",
        "~ C",
        "! line 12: uid-1: not changed",
        "- Fax: unknown column, ignored",
    ]
    assert report.counts() == {
        "created": 2,
        "changed": 1,
        "unchanged": 1,
        "conflicts": 1,
        "skipped": 1,
    }
