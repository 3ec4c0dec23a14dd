"""Fuzz: the seed chapter with lines deleted, repeated, swapped, replaced or cut off, and with
numbers, dashes, targets and odd characters put into its cells, either parses or raises
``ChapterFormatError`` with a line inside the text; never any other exception, and every
value it reads fits the field that stores it (so the import cannot fail on save)."""

from django.core.validators import DecimalValidator
from hypothesis import given, settings
from hypothesis import strategies as st

from kennisstad.indicators.formatting import looks_like_value
from kennisstad.planning.chapter_text import ChapterFormatError, parse_chapter
from kennisstad.planning.tests.factories import seed_text

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
cell_like = st.one_of(
    numbers,
    st.builds(lambda c, n: f"{c} {n}", st.sampled_from([">", "≥", "<", "≤", "=", ">="]), numbers),
    st.builds(lambda a, b: f"{a}–{b}", numbers, numbers),
    st.sampled_from(
        [
            "-",
            "–",
            "Top 8",
            "n.v.t.",
            "Behaald",
            "Beoogd 2018",
            "Begroting",
            "2017",
            "Prestatie-indicatoren",
            "Wat gaan we hiervoor doen?",
            "•",
            "",
            "\x00",
            "%",
        ]
    ),
    st.text(max_size=80),
)


@st.composite
def mutated_chapters(draw) -> str:
    lines = list(SEED)
    if draw(st.booleans()):
        lines[draw(st.sampled_from(CELL_LINES))] = draw(st.one_of(numbers, cell_like))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
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
            lines[at] = draw(cell_like)
        elif operation == "insert":
            lines.insert(at, draw(cell_like))
        else:
            lines = lines[:at]
    return "\n".join(lines)


STORED = DecimalValidator(max_digits=14, decimal_places=4)  # Target/Realisation.value


@settings(derandomize=True, deadline=None, max_examples=400)
@given(text=mutated_chapters())
def test_a_mutated_chapter_parses_or_names_its_line(text):
    try:
        chapter = parse_chapter(text)
    except ChapterFormatError as error:
        assert 1 <= error.line <= max(1, len(text.splitlines()) + 1), error
        assert error.message
        return
    for row in chapter.rows:
        for cell in row.cells:
            for value in (cell.value.value, cell.value.value_high):
                if value is not None:
                    STORED(value)


@settings(derandomize=True, deadline=None, max_examples=100)
@given(text=st.text(max_size=500))
def test_any_text_parses_or_names_its_line(text):
    try:
        parse_chapter(text)
    except ChapterFormatError as error:
        assert error.line >= 1 and error.message
