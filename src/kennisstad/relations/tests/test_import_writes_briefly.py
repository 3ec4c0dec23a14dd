"""A spreadsheet import reads and checks the whole file without writing (no write lock held,
another writer may hold it meanwhile), then writes in one short transaction: new records in
bulk, each still with its audit-trail row and search entry; a wrong last row writes nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kennisstad.core.spreadsheets import ImportRefused, plan_import, read_table
from kennisstad.relations.models import Organisation, Person
from kennisstad.search.models import SearchEntry
from kennisstad.tests.locking import another_writer_holds_the_lock
from kennisstad.workspace.imports import import_file, import_spec


def organisations_csv(count: int, last_country: str = "Duitsland") -> bytes:
    lines = ["Naam;Land;Tags"] + [
        f'Organisatie {n};Nederland;"haven; energie"' for n in range(count)
    ]
    lines.append(f"Laatste organisatie;{last_country};")
    return "\n".join(lines).encode()


def _writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if not q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))
    ]


@pytest.mark.django_db
def test_checking_a_file_only_reads():
    table = read_table(organisations_csv(20), filename="o.csv")
    with CaptureQueriesContext(connection) as queries:
        plan = plan_import(spec=import_spec("organisations"), table=table)
    assert len(plan.created) == 21
    assert _writes(queries.captured_queries) == []


@pytest.mark.django_db
def test_a_wrong_last_row_writes_nothing(team_member):
    with pytest.raises(ImportRefused) as refused:
        import_file(
            data=organisations_csv(50, last_country="Atlantis"),
            filename="o.csv",
            kind="organisations",
            user=team_member,
        )
    assert "row 52" in refused.value.lines()[0] or "rij 52" in refused.value.lines()[0]
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_new_records_are_written_in_bulk_with_audit_trail_and_search(
    team_member, django_capture_on_commit_callbacks
):
    def queries_for(count: int) -> int:
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            import_file(
                data=organisations_csv(count).replace(b"Organisatie", f"O{count}".encode()),
                filename="o.csv",
                kind="organisations",
                user=team_member,
            )
        return len(_writes(queries.captured_queries))

    small, large = queries_for(5), queries_for(200)
    # Batches (SQLite takes a few dozen rows per INSERT), never one INSERT (or three) per row.
    assert large - small < 20
    imported = Organisation.objects.get(name="O200 137")
    assert imported.version == 1
    assert {tag.name for tag in imported.tags.all()} == {"haven", "energie"}
    history = imported.history.get()
    assert history.history_user == team_member
    assert history.history_type == "+"
    assert SearchEntry.objects.filter(object_id=imported.pk, kind="organisation").exists()


@pytest.mark.django_db
def test_people_in_bulk_keep_their_organisations(team_member, partner_organisation):
    data = (
        b"Voornaam;Achternaam;E-mail;Organisatie;Grondslag;Bewaren tot\n"
        b"Anneke;Jansen;a.jansen@rug.nl;Rijksuniversiteit Groningen;Publieke taak;2030-01-01\n"
        b"Piet;Bos;p.bos@rug.nl;Rijksuniversiteit Groningen;Publieke taak;2030-01-01\n"
    )
    import_file(data=data, filename="p.csv", kind="people", user=team_member)
    anneke = Person.objects.get(email="a.jansen@rug.nl")
    assert list(anneke.organisations.all()) == [partner_organisation]
    assert anneke.email_key and anneke.name_key
    assert anneke.history.get().history_user == team_member


@pytest.mark.django_db(transaction=True)
def test_a_wrong_file_is_refused_while_another_writer_holds_the_lock(team_member):
    with another_writer_holds_the_lock(), pytest.raises(ImportRefused):
        import_file(
            data=organisations_csv(30, last_country="Atlantis"),
            filename="o.csv",
            kind="organisations",
            user=team_member,
        )
