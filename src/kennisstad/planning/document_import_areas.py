"""The policy field an imported chapter belongs to: by its code (the programme tree made as the
document prints it), or, for a chapter printed without a code, by its title.

A code-less chapter whose title no stored policy area has gets a code made from its title:
``TITLE_CODE_PREFIX`` and the title as a slug (``t-groningen-kennisstad``), at most 20
characters, with ``-2``, ``-3`` ... when another title gave the same code. A letter in it means
it can never clash with a municipality's numeric codes (digits and dots only), and it says
where it came from; the team can renumber it later.
"""

import re

from django.utils.text import slugify
from django.utils.translation import gettext as _

from kennisstad.accounts.models import User
from kennisstad.core.imports import ImportReport
from kennisstad.core.services import save_record
from kennisstad.policy.models import TITLE_CODE_PREFIX, PolicyArea

from .document_parts import PrintedChapter

CODE_LENGTH = 20  # PolicyArea.code.max_length


def normalised(name: str) -> str:
    """A title or name as compared: case, spaces and hyphens do not count."""
    return re.sub(r"[\s\-\u2010\u2011\u2013]+", " ", name).strip().lower()


def policy_field(chapter: PrintedChapter, report: ImportReport, actor: User | None) -> PolicyArea:
    if chapter.code:
        return _by_code(chapter, report, actor)
    return _by_title(chapter, report, actor)


def _by_code(chapter: PrintedChapter, report: ImportReport, actor: User | None) -> PolicyArea:
    parts = chapter.code.split(".")
    parent = None
    for depth in range(1, len(parts) + 1):
        code = ".".join(parts[:depth])
        area = PolicyArea.objects.filter(code=code).first()
        if area is None:
            title = _area_title(chapter, code, depth, len(parts))
            area = PolicyArea(code=code, title_nl=title, parent=parent)
            save_record(instance=area, user=actor)
            report.created.append(
                (
                    _("policy area %(code)s %(title)s (title still to be filled in)")
                    if title == code
                    else _("policy area %(code)s %(title)s")
                )
                % {"code": code, "title": title}
            )
        elif depth == len(parts) and normalised(area.title_nl) != normalised(chapter.title):
            report.conflict(
                _("policy field %(code)s: stored title “%(stored)s”, the document says “%(new)s”")
                % {"code": code, "stored": area.title_nl, "new": chapter.title},
                line=chapter.line,
            )
        parent = area
    assert parent is not None  # a code has at least one part
    return parent


def _area_title(chapter: PrintedChapter, code: str, depth: int, depths: int) -> str:
    """The policy field's and the programme's titles are printed; a sub-programme's not."""
    if depth == depths:
        return chapter.title
    if depth == 1 and chapter.programme_title:
        return chapter.programme_title
    return code


def _by_title(chapter: PrintedChapter, report: ImportReport, actor: User | None) -> PolicyArea:
    """The stored area with this title (the deepest, when a programme and its field share
    one); else a new one with a code made from the title."""
    wanted = normalised(chapter.title)
    matches = [area for area in PolicyArea.objects.all() if normalised(area.title_nl) == wanted]
    if matches:
        return max(matches, key=lambda area: (area.code.count("."), area.code))
    area = PolicyArea(code=title_code(chapter.title), title_nl=chapter.title)
    save_record(instance=area, user=actor)
    report.created.append(
        _("policy area %(code)s %(title)s (the document prints no code for it)")
        % {"code": area.code, "title": area.title_nl}
    )
    return area


def title_code(title: str) -> str:
    """A free code for a code-less chapter (see the module's docstring)."""
    room = CODE_LENGTH - len(TITLE_CODE_PREFIX)
    slug = slugify(title)[:room].strip("-") or "x"
    code, number = f"{TITLE_CODE_PREFIX}{slug}", 2
    while PolicyArea.objects.filter(code=code).exists():
        suffix = f"-{number}"
        code = f"{TITLE_CODE_PREFIX}{slug[: room - len(suffix)].strip('-')}{suffix}"
        number += 1
    return code
