"""Fuzz: the layout documents with lines deleted, repeated, swapped, replaced, split at a
TAB or cut off, and with odd cells put in, and the seed chapter with odd numbers (huge, long
decimals, NaN, ranges, comparators) in its value cells, are either read or refused with
``ChapterFormatError`` naming a line inside the text; never any other exception, and every
value read fits the field that stores it (so the import cannot fail on save)."""

from django.core.validators import DecimalValidator
from hypothesis import given, settings
from hypothesis import strategies as st

from kennisstad.indicators.formatting import looks_like_value
from kennisstad.planning.chapter_text_parts import ChapterFormatError
from kennisstad.planning.document_reader import read_document
from kennisstad.planning.tests.factories import seed_text
from kennisstad.planning.tests.published_layouts import EXPECTED, GIVEN, LAYOUTS

TEXTS = {name: (LAYOUTS / name).read_text(encoding="utf-8") for name in sorted(EXPECTED)}
STORED = DecimalValidator(max_digits=14, decimal_places=4)  # Target/Realisation.value

odd_cells = st.one_of(
    st.sampled_from(
        [
            "-",
            "1.2.3",
            "5,,3",
            "> ",
            "Top 8",
            "n.v.t.",
            "Behaald",
            "Beoogd 2018",
            "2019",
            "Nr",
            "Indicator",
            "Prestatie-indicatoren",
            "Wat gaan we hiervoor doen?",
            "Wat mag het kosten?",
            "Begroting 2018",
            "Jaarverslag 2017",
            "2.1.9 Ander hoofdstuk",
            "Programma 4: Welzijn",
            "| a | b |",
            "|---|",
            "a\tb\tc",
            "\t",
            "* voetnoot bij de tabel",
            "•",
            "",
            "\x00",
            "99999999999999999",
        ]
    ),
    st.text(max_size=60),
)


@st.composite
def mutated_documents(draw) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(TEXTS)))
    lines = TEXTS[name].split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        if not lines:
            break
        at = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        operation = draw(st.sampled_from(["delete", "repeat", "swap", "replace", "insert", "cut"]))
        if operation == "delete":
            del lines[at]
        elif operation == "repeat":
            lines.insert(at, lines[at])
        elif operation == "swap":
            other = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif operation == "replace":
            lines[at] = draw(odd_cells)
        elif operation == "insert":
            lines.insert(at, draw(odd_cells))
        else:
            lines = lines[:at]
    return name, "\n".join(lines)


def read_or_refuse(text: str, **given_) -> None:
    try:
        document = read_document(text, **given_)
    except ChapterFormatError as error:
        assert 1 <= error.line <= max(1, len(text.splitlines()) + 1), error
        assert error.message
        return
    assert document.chapters
    for chapter in document.chapters:
        for table in chapter.tables:
            assert table.columns and table.rows
            assert all(column.kind for column in table.columns)  # bare years settled
            for row in table.rows:
                assert len(row.cells) == len(table.columns)
                for cell in row.cells:
                    if cell.value is not None:
                        for value in (cell.value.value, cell.value.value_high):
                            if value is not None:
                                STORED(value)


@settings(derandomize=True, deadline=None, max_examples=400)
@given(document=mutated_documents())
def test_a_mutated_document_reads_or_names_its_line(document):
    name, text = document
    kind, year = GIVEN.get(name, (None, None))
    read_or_refuse(text, kind=kind, year=year)


@settings(derandomize=True, deadline=None, max_examples=150)
@given(text=st.text(max_size=400))
def test_any_text_reads_or_names_its_line(text):
    read_or_refuse(text, kind="begroting", year=2018)


# --- the seed chapter, with odd numbers in its value cells --------------------------------

SEED = seed_text().splitlines()
# The table's value cells ("-", "2", "> 5"): where a mutated number is most likely to be read.
CELL_LINES = [at for at, line in enumerate(SEED) if looks_like_value(line)]

numbers = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.decimals(allow_nan=True, allow_infinity=True, places=6).map(
        lambda d: str(d).replace(".", ",")
    ),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
number_cells = st.one_of(
    numbers,
    st.builds(lambda c, n: f"{c} {n}", st.sampled_from([">", "≥", "<", "≤", "=", ">="]), numbers),
    st.builds(lambda a, b: f"{a}–{b}", numbers, numbers),
    st.sampled_from(["-", "–", "%", "Beoogd > 2"]),
)


@st.composite
def seeds_with_odd_numbers(draw) -> str:
    lines = list(SEED)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        lines[draw(st.sampled_from(CELL_LINES))] = draw(number_cells)
    return "\n".join(lines)


@settings(derandomize=True, deadline=None, max_examples=200)
@given(text=seeds_with_odd_numbers())
def test_odd_numbers_in_the_seeds_cells_read_or_name_their_line(text):
    read_or_refuse(text)
