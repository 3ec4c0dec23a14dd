"""The data migration to the cycle's statuses: a draft becomes ontwerp; a published document
becomes gepubliceerd with its publication date kept; one written here (published with the old
"Publish (adopt)" button) is adopted on that date, an imported one is adopted by nobody."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kennisstad.policy.models import Document, DocumentStatus

BEFORE = ("policy", "0002_content_types_follow_the_models")
D = datetime.date(2017, 11, 9)


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


@pytest.mark.django_db(transaction=True)
def test_old_statuses_become_the_cycles_and_only_the_team_adopted():
    executor = _migrate([BEFORE])
    try:
        old = executor.loader.project_state(BEFORE).apps.get_model("policy", "Document")
        draft = old.objects.create(kind="begroting", year=2019, status="draft")
        adopted = old.objects.create(
            kind="begroting", year=2018, status="published", published_on=D
        )
        imported = old.objects.create(
            kind="jaarstukken", year=2017, status="published", published_on=D, imported=True
        )
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert Document.objects.get(pk=draft.pk).status == DocumentStatus.DRAFT
    written = Document.objects.get(pk=adopted.pk)
    assert (written.status, written.published_on, written.adopted_on) == ("gepubliceerd", D, D)
    assert written.is_adopted
    read = Document.objects.get(pk=imported.pk)
    assert (read.status, read.published_on, read.adopted_on) == ("gepubliceerd", D, None)
    assert not read.is_adopted
