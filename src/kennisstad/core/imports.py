"""One way to import a file, whatever it holds (a spreadsheet, a calendar, a chapter).

An importer first *plans*: it reads the file and the database (no write), fills an
``ImportReport`` (what it would create, change, leave unchanged, what conflicts with stored data,
what it skipped) and collects every wrong row, line or field as an ``ImportProblem`` in
``report.errors``; ``report.refuse_if_errors()`` then raises ``ImportRefused`` before anything
is written. It then *writes* inside ``import_transaction(report, user=...)``: one transaction,
rolled back at the end of a dry run, and a real import is logged as the event
``import.<report.kind>`` with counts and ids only. Every message is translated when it is made
(in the language of the request or command), and so is its location when it is shown.

An importer, in short::

    def import_things(*, text, user=None, dry_run=False) -> ImportReport:
        report = ImportReport(kind="things", dry_run=dry_run)
        plan = plan_things(parse_things(text), report)  # reads only; report.error(msg, line=n)
        report.refuse_if_errors()
        with import_transaction(report, user=user, source="upload"):
            write_things(plan, user=user)  # may raise ImportRefused: all rolled back
        return report

A page catches ``ImportRefused`` and includes ``core/_import_refused.html`` (``refused``), shows
a report with ``core/_import_report.html`` (``report``); a command raises
``refused_command(self, path, exc)`` and writes ``report.lines()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .events import log_event_on_commit


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with (or left out of) a file: where it is and why, for the person who
    made the file. ``row`` is a spreadsheet row, ``line`` a text line, ``field`` the column or
    property as the file names it; any of them may be absent."""

    message: str
    row: int | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        values = {"row": self.row, "line": self.line, "column": self.field, "message": self.message}
        if self.row is not None:
            if self.field:
                return _("row %(row)s: %(column)s: %(message)s") % values
            return _("row %(row)s: %(message)s") % values
        if self.line is not None:
            if self.field:
                return _("line %(line)s: %(column)s: %(message)s") % values
            return _("line %(line)s: %(message)s") % values
        if self.field:
            return _("%(column)s: %(message)s") % values
        return self.message


def _problem(message: str | ImportProblem, **location: Any) -> ImportProblem:
    return message if isinstance(message, ImportProblem) else ImportProblem(message, **location)


class ImportRefused(ValueError):
    """The file is refused and nothing was written; ``problems`` says where and why."""

    def __init__(self, problems: list[ImportProblem] | ImportProblem | str):
        if isinstance(problems, ImportProblem | str):
            problems = [_problem(problems)]
        self.problems = list(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """Each problem with its location, in the active language."""
        return [str(problem) for problem in self.problems]

    def summary(self) -> str:
        count = len(self.problems)
        return ngettext(
            "%(count)s problem: nothing was imported.",
            "%(count)s problems: nothing was imported.",
            count,
        ) % {"count": count}

    def __str__(self) -> str:
        return "\n".join(self.lines())  # in the language active now, not when it was raised


@dataclass
class ImportReport:
    """What an import did, or would do on a dry run. ``created``, ``changed`` and
    ``unchanged`` name records; ``conflicts`` (stored data kept), ``skipped`` (left out of the
    file, e.g. an unknown column) and ``errors`` (refuse the file) are ``ImportProblem``s.
    ``kind`` names the importer in the log (``import.<kind>``); ``subject`` says what the file
    was about when that is one thing (a chapter's document)."""

    kind: str
    dry_run: bool = False
    subject: str = ""
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[ImportProblem] = field(default_factory=list)
    skipped: list[ImportProblem] = field(default_factory=list)
    errors: list[ImportProblem] = field(default_factory=list)
    # A part of the file refused while the rest was written (a chapter of a document imported
    # part by part), with where and why; the import of that part wrote nothing.
    refusals: list[ImportProblem] = field(default_factory=list)
    # Counts an importer names itself (label, already translated, and number), e.g. chapters.
    figures: dict[str, int] = field(default_factory=dict)

    def conflict(self, message: str, **location: Any) -> None:
        """The file disagrees with what is stored; the stored value is kept."""
        self.conflicts.append(_problem(message, **location))

    def skip(self, message: str, **location: Any) -> None:
        self.skipped.append(_problem(message, **location))

    def error(self, message: str, **location: Any) -> None:
        """A wrong row, line or field: the file will be refused (``refuse_if_errors``)."""
        self.errors.append(_problem(message, **location))

    def refuse(self, message: str | ImportProblem, **location: Any) -> None:
        """Record a refused part of the file; the other parts are imported."""
        self.refusals.append(_problem(message, **location))

    def refuse_if_errors(self) -> None:
        if self.errors:
            raise ImportRefused(self.errors)

    def counts(self) -> dict[str, int]:
        """The numbers a log event or a summary needs (never the records' names)."""
        return {
            name: len(getattr(self, name))
            for name in ("created", "changed", "unchanged", "conflicts", "skipped")
        }

    def summary(self) -> str:
        """The counts in one sentence (two with conflicts), in the active language."""
        counts = _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged.") % {
            "created": len(self.created),
            "updated": len(self.changed),
            "unchanged": len(self.unchanged),
        }
        if self.figures:
            counts += " " + ", ".join(f"{label}: {n}" for label, n in self.figures.items()) + "."
        if self.refusals:
            counts += " " + ngettext(
                "%(count)s part refused: nothing of it was written.",
                "%(count)s parts refused: nothing of them was written.",
                len(self.refusals),
            ) % {"count": len(self.refusals)}
        if not self.conflicts:
            return counts
        conflicts = ngettext(
            "%(count)s conflict: the stored values were kept.",
            "%(count)s conflicts: the stored values were kept.",
            len(self.conflicts),
        ) % {"count": len(self.conflicts)}
        return f"{counts} {conflicts}"

    def lines(self) -> list[str]:
        """The report for a command's output, in the active language."""
        out = [_("Dry run: nothing was written.")] if self.dry_run else []
        if self.subject:
            out.append(self.subject)
        out.append(self.summary())
        out += [f"+ {item}" for item in self.created]
        out += [f"~ {item}" for item in self.changed]
        out += [f"x {problem}" for problem in self.refusals]
        out += [f"! {problem}" for problem in self.conflicts]
        out += [f"- {problem}" for problem in self.skipped]
        return out


@contextmanager
def import_transaction(report: ImportReport, *, user: Any = None, **ids: Any) -> Iterator[None]:
    """Run an import's writes in one transaction; at the end of a dry run roll it all back
    (so the report says exactly what an import would do). A real import that got through is
    logged as ``import.<kind>`` with the report's counts and ``ids`` (ids and short codes only,
    never personal data) once it commits: inside a caller's transaction that rolls back, it is
    not. A refusal raised inside rolls back and is not logged."""
    with transaction.atomic():
        yield
        if report.dry_run:
            transaction.set_rollback(True)
        else:
            log_event_on_commit(f"import.{report.kind}", user=user, **report.counts(), **ids)


def refused_command(command: Any, source: str, refused: ImportRefused) -> Exception:
    """For a management command: the ``CommandError`` to raise (``raise refused_command(self,
    path, exc) from exc``); one problem is named in it, more are written to stderr first."""
    from django.core.management.base import CommandError

    if len(refused.problems) == 1:
        return CommandError(f"{source}, {refused.problems[0]}. {refused.summary()}")
    for line in refused.lines():
        command.stderr.write(line)
    return CommandError(f"{source}: {refused.summary()}")
