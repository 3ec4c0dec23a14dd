"""The kinds of spreadsheet a team member may import, each the spec of the app that owns it."""

from kennisstad.core import spreadsheets
from kennisstad.core.imports import ImportReport
from kennisstad.core.spreadsheets import ImportSpec
from kennisstad.projects.spreadsheets import PROJECTS
from kennisstad.relations.spreadsheets import ORGANISATIONS, PEOPLE

IMPORT_KINDS: dict[str, ImportSpec] = {
    "organisations": ORGANISATIONS,
    "people": PEOPLE,
    "projects": PROJECTS,
}


def import_spec(kind: str) -> ImportSpec:
    return IMPORT_KINDS[kind]


def import_file(
    *, data: bytes, filename: str, kind: str, user, dry_run: bool = False
) -> ImportReport:
    """Read and import one file of ``kind``; raises ``ImportRefused`` (nothing written)."""
    return spreadsheets.import_file(
        data=data, filename=filename, spec=import_spec(kind), user=user, dry_run=dry_run
    )
