"""Benchmark: compute every indicator for ten years and export a whole begroting, against the
bare SQL aggregate of the same counts.

Run: `make bench` or `.venv/bin/python bench/bench_indicators.py [--projects N]
[--activities N] [--repeat N]`. It builds a fresh database (SQLite in a temporary folder, or
PostgreSQL when DATABASE_URL is set: a database of its own is created and dropped), fills it
with bulk inserts, then prints median timings:

- bare SQL: one hand-written conditional-aggregate query per indicator (all ten years at once),
  the least any implementation must do to know the numbers;
- compute: ``compute_all`` for ten years, storing dated realisations (numbers only, and with
  the drill-down records that make each number traceable);
- export: the whole begroting in each format.
Targets (issue 3): compute + export under 1 s, and compute within 3x of the bare SQL.
"""

import argparse
import datetime
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from common import setup_django, teardown_django, timed  # noqa: E402

YEARS = list(range(2015, 2025))


def generate(*, projects: int, activities: int, seed: int = 2018):
    from django.utils import timezone

    from kennisstad.agenda.models import Activity, ActivityKind
    from kennisstad.core.models import Theme
    from kennisstad.projects.models import Project, ProjectCategory, ProjectPartner
    from kennisstad.relations.models import Organisation, OrganisationKind

    rng = random.Random(seed)
    kinds = [choice.value for choice in OrganisationKind]
    Organisation.objects.bulk_create(
        Organisation(name=f"Organisatie {n:05d}", kind=kinds[n % len(kinds)], country="NL")
        for n in range(2000)
    )
    organisation_ids = list(Organisation.objects.values_list("id", flat=True))
    categories = list(ProjectCategory.objects.all())
    themes = list(Theme.objects.all())
    countries = ["NL", "DE", "BE", "CN", "FR", "DE,NL", "CN,NL"]
    batch = []
    for n in range(projects):
        start = datetime.date(2012, 1, 1) + datetime.timedelta(days=rng.randrange(0, 13 * 365))
        end = None if n % 7 == 0 else start + datetime.timedelta(days=rng.randrange(90, 4 * 365))
        batch.append(
            Project(
                title_nl=f"Project {n:05d}",
                category=categories[n % len(categories)],
                status=rng.choice(["planned", "active", "completed", "completed", "cancelled"]),
                start_date=start,
                end_date=end,
                countries=countries[n % len(countries)],
                lead_organisation_id=rng.choice(organisation_ids),
            )
        )
    Project.objects.bulk_create(batch, batch_size=2000)
    project_ids = list(Project.objects.values_list("id", flat=True))
    status_histories(today=timezone.localdate())
    ProjectPartner.objects.bulk_create(
        ProjectPartner(
            project_id=pid, organisation_id=organisation_ids[(i * 13) % len(organisation_ids)]
        )
        for i, pid in enumerate(project_ids)
    )
    Project.themes.through.objects.bulk_create(
        Project.themes.through(project_id=pid, theme_id=themes[i % len(themes)].id)
        for i, pid in enumerate(project_ids)
    )
    zone = timezone.get_default_timezone()
    activity_kinds = [choice.value for choice in ActivityKind]
    first = datetime.datetime(2015, 1, 1, tzinfo=zone)
    span_minutes = int((datetime.datetime(2025, 1, 1, tzinfo=zone) - first).total_seconds() // 60)
    batch = []
    for n in range(activities):
        begins = first + datetime.timedelta(minutes=rng.randrange(0, span_minutes, 15))
        batch.append(
            Activity(
                uid=f"bench-{n}@kennisstad",
                title_nl=f"Activiteit {n}",
                kind=activity_kinds[n % len(activity_kinds)],
                starts_at=begins,
                ends_at=begins + datetime.timedelta(hours=2),
                status="cancelled" if n % 25 == 0 else "confirmed",
                visibility="public",
                country=countries[n % 5],
            )
        )
    Activity.objects.bulk_create(batch, batch_size=5000)


def status_histories(*, today: datetime.date) -> None:
    """Each project's status history as ``save_project`` records it for a project entered today
    (the indicators count by it): running from its start, completed on its end date."""
    from kennisstad.projects.models import Project, ProjectStatusChange
    from kennisstad.projects.status_history import dated_changes

    rows = []
    projects = Project.objects.order_by("pk").values_list("pk", "status", "start_date", "end_date")
    for pk, status, start, end in projects:
        for changed_to, day in dated_changes(
            status=status,
            start_date=start,
            end_date=end,
            recorded_on=today,
            ran_from=None,
            last_started=None,
        ):
            rows.append(ProjectStatusChange(project_id=pk, status=changed_to, changed_on=day))
    ProjectStatusChange.objects.bulk_create(rows, batch_size=5000)


INDICATORS = [
    (
        "samenwerking",
        {"subject": "projects", "period": "active", "category": "samenwerking-kennis-innovatie"},
    ),
    (
        "profilering",
        {"subject": "projects", "period": "active", "category": "profilering-kennisstad"},
    ),
    ("welkom", {"subject": "projects", "period": "active", "category": "welkomstbeleid"}),
    ("gestart", {"subject": "projects", "period": "started"}),
    ("afgerond", {"subject": "projects", "period": "ended"}),
    ("energie", {"subject": "projects", "period": "active", "themes": ["energie"]}),
    ("china", {"subject": "projects", "period": "active", "countries": ["CN"]}),
    ("bedrijven", {"subject": "projects", "period": "active", "partner_kind": "company"}),
    ("delegaties", {"subject": "activities", "activity_kind": "incoming_visit"}),
    ("missies", {"subject": "activities", "activity_kind": "outgoing_visit"}),
    ("beurzen", {"subject": "activities", "activity_kind": "trade_fair"}),
    ("duitsland", {"subject": "activities", "countries": ["DE"]}),
]


def create_budget():
    from kennisstad.indicators.models import Indicator, Target
    from kennisstad.planning.models import Chapter, ChapterIndicator, Document, PolicyArea

    programme = PolicyArea.objects.create(code="2", title_nl="Economie en werkgelegenheid")
    sub = PolicyArea.objects.create(code="2.1", title_nl="Economische structuur", parent=programme)
    fields = [
        PolicyArea.objects.create(code=f"2.1.{n}", title_nl=f"Beleidsveld 2.1.{n}", parent=sub)
        for n in range(1, 5)
    ]
    document = Document.objects.create(kind="begroting", year=2024)
    chapters = [Chapter.objects.create(document=document, policy_area=field) for field in fields]
    for order, (code, rule) in enumerate(INDICATORS):
        chapter = chapters[order % len(chapters)]
        indicator = Indicator.objects.create(
            code=code,
            name_nl=f"Aantal {code}",
            policy_area=chapter.policy_area,
            method="computed",
            rule=rule,
            measured_from=2015,
            order=order,
        )
        ChapterIndicator.objects.create(chapter=chapter, indicator=indicator, order=order)
        for year in (2023, 2024):
            Target.objects.create(
                indicator=indicator, year=year, comparator=">", value=10, display_text="> 10"
            )
    return document


def bare_sql_counts() -> dict[str, dict[int, int]]:
    """The same counts written by hand: one conditional aggregate per indicator."""
    from django.db import connection

    from kennisstad.agenda.selectors import local_year_bounds

    adapt = connection.ops.adapt_datetimefield_value
    results = {}
    with connection.cursor() as cursor:
        for code, rule in INDICATORS:
            params: list = []
            where = []
            if rule["subject"] == "projects":
                # Per project when it began running, stopped and was completed (the generated
                # histories hold at most one run); only the years up to today are asked.
                table = (
                    "projects_project p JOIN (SELECT project_id, "
                    "MIN(CASE WHEN status = 'active' THEN changed_on END) AS ran_from, "
                    "MIN(CASE WHEN status IN ('completed', 'cancelled') THEN changed_on END) "
                    "AS stopped, "
                    "MIN(CASE WHEN status = 'completed' THEN changed_on END) AS completed_on "
                    "FROM projects_projectstatuschange GROUP BY project_id) h "
                    "ON h.project_id = p.id"
                )
                where.append("h.ran_from IS NOT NULL")
                if "category" in rule:
                    table += " JOIN projects_projectcategory c ON c.id = p.category_id"
                    where.append("c.code = %s")
                    params.append(rule["category"])
                if "themes" in rule:
                    where.append(
                        "p.id IN (SELECT pt.project_id FROM projects_project_themes pt "
                        "JOIN core_theme t ON t.id = pt.theme_id WHERE t.slug = %s)"
                    )
                    params.append(rule["themes"][0])
                if "countries" in rule:
                    where.append("p.countries LIKE %s")
                    params.append(f"%{rule['countries'][0]}%")
                if "partner_kind" in rule:
                    where.append(
                        "(p.lead_organisation_id IN "
                        "(SELECT id FROM relations_organisation WHERE kind = %s) "
                        "OR p.id IN (SELECT pp.project_id FROM projects_projectpartner pp JOIN "
                        "relations_organisation o ON o.id = pp.organisation_id WHERE o.kind = %s))"
                    )
                    params += [rule["partner_kind"], rule["partner_kind"]]
                columns = []
                column_params: list = []
                for year in YEARS:
                    first, last = f"{year}-01-01", f"{year}-12-31"
                    if rule["period"] == "started":
                        condition = "h.ran_from BETWEEN %s AND %s"
                        column_params += [first, last]
                    elif rule["period"] == "ended":
                        condition = "h.completed_on BETWEEN %s AND %s"
                        column_params += [first, last]
                    else:
                        condition = "h.ran_from <= %s AND (h.stopped IS NULL OR h.stopped >= %s)"
                        column_params += [last, first]
                    columns.append(f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)")
            else:
                table = "agenda_activity a"
                where.append("a.status <> 'cancelled'")
                if "activity_kind" in rule:
                    where.append("a.kind = %s")
                    params.append(rule["activity_kind"])
                if "countries" in rule:
                    where.append("a.country = %s")
                    params.append(rule["countries"][0])
                columns = []
                column_params = []
                for year in YEARS:
                    begin, end = local_year_bounds(year)
                    columns.append(
                        "SUM(CASE WHEN a.starts_at >= %s AND a.starts_at < %s THEN 1 ELSE 0 END)"
                    )
                    column_params += [adapt(begin), adapt(end)]
            sql = f"SELECT {', '.join(columns)} FROM {table} WHERE {' AND '.join(where)}"
            cursor.execute(sql, column_params + params)
            row = cursor.fetchone()
            results[code] = {year: int(value or 0) for year, value in zip(YEARS, row, strict=True)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=5000)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kennisstad-bench-") as var_dir:
        setup_django(var_dir)
        from django.db import connection

        from kennisstad.indicators.models import Indicator
        from kennisstad.indicators.services import compute_all
        from kennisstad.planning.exports import FORMATS, render
        from kennisstad.planning.selectors import chapter_with_content

        begin = time.perf_counter()
        generate(projects=args.projects, activities=args.activities)
        document = create_budget()
        print(
            f"database: {connection.vendor}; data: {args.projects} projects, "
            f"{args.activities} activities, {len(INDICATORS)} computed indicators x "
            f"{len(YEARS)} years (generated in {time.perf_counter() - begin:.1f} s)"
        )

        bare_ms, bare = timed(bare_sql_counts, args.repeat)
        # A new peildatum each run, so every run writes its 120 audited realisations.
        days = iter(range(1, 10_000))

        def fresh_day() -> datetime.date:
            return datetime.date(2030, 1, 1) + datetime.timedelta(days=next(days))

        counts_ms, _ = timed(
            lambda: compute_all(years=YEARS, with_records=False, measured_on=fresh_day()),
            args.repeat,
        )
        full_ms, computed = timed(
            lambda: compute_all(years=YEARS, measured_on=fresh_day()), args.repeat
        )
        same_day = fresh_day()
        compute_all(years=YEARS, measured_on=same_day)
        again_ms, _ = timed(lambda: compute_all(years=YEARS, measured_on=same_day), args.repeat)
        mine = {
            indicator.code: {r.year: int(r.value) for r in realisations}
            for indicator, realisations in computed.items()
        }
        assert mine == bare, "Kennisstad and the bare SQL disagree"
        for indicator in Indicator.objects.all():
            realisation = indicator.realisations.filter(year=2020).latest("measured_on", "id")
            assert len(realisation.counted["ids"]) == int(realisation.value), indicator.code

        def chapters():
            ordered = document.chapters.order_by("policy_area__code")
            return [chapter_with_content(chapter.pk) for chapter in ordered]

        export_ms = {}
        for fmt in FORMATS:
            export_ms[fmt], data = timed(lambda fmt=fmt: render(chapters(), fmt), args.repeat)
            assert data, fmt

        print(f"{'step':52} {'median ms':>10}")
        print(f"{'bare SQL aggregate (12 queries, 120 counts)':52} {bare_ms:10.1f}")
        print(
            f"{'compute_all, numbers only':52} {counts_ms:10.1f}  "
            f"({counts_ms / bare_ms:.2f}x bare SQL)"
        )
        print(
            f"{'compute_all, with drill-down records':52} {full_ms:10.1f}  "
            f"({full_ms / bare_ms:.2f}x bare SQL)"
        )
        print(
            f"{'recompute the same day, nothing changed':52} {again_ms:10.1f}  "
            f"({again_ms / bare_ms:.2f}x bare SQL)"
        )
        for fmt, ms in export_ms.items():
            print(f"{'export whole begroting as ' + fmt:52} {ms:10.1f}")
        slowest_export = max(export_ms.values())
        total = full_ms + slowest_export
        print(
            f"{'compute (with records) + slowest export':52} {total:10.1f}  "
            f"target < 1000 ms: {'met' if total < 1000 else 'NOT met'}; "
            f"compute within 3x bare SQL: {'met' if full_ms <= 3 * bare_ms else 'NOT met'}"
        )
        teardown_django()


if __name__ == "__main__":
    main()
