"""Text an export quoted with an apostrophe (it starts like a formula) reads back without it,
for every start the export quotes (a tab too), and stripped like every other cell."""

import pytest

from kennisstad.core.exports import FORMULA_STARTS, _safe_text
from kennisstad.core.spreadsheets import read_table


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_quoted_text_reads_back_as_written(start):
    value = f"{start}HYPERLINK(1) x"
    exported = _safe_text(value)
    assert exported == "'" + value
    data = f'Naam\n"{exported}"\n'.encode()
    rows = list(read_table(data, filename="lijst.csv").rows)
    assert rows == [(2, [value.strip()])]
