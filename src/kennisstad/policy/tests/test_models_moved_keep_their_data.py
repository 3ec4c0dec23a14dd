"""PolicyArea and Document moved from planning to policy without moving data: the tables keep
their names, records and their history made before the move are still there after it, the
links from indicators and chapters still hold, and the content types (with the admin log and
the permissions that point to them) now say ``policy``."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from kennisstad.indicators.models import Indicator, Target
from kennisstad.planning.models import Chapter
from kennisstad.policy.models import Document, PolicyArea

MOVED_TABLES = {
    PolicyArea: ("planning_policyarea", "planning_historicalpolicyarea"),
    Document: ("planning_document", "planning_historicaldocument"),
}
BEFORE_THE_MOVE = [
    ("planning", "0001_initial"),
    ("indicators", "0004_decimals_bounded"),
    ("admin", "0003_logentry_add_action_flag_choices"),
]


@pytest.mark.django_db
def test_the_models_keep_the_tables_planning_made():
    tables = set(connection.introspection.table_names())
    for model, (table, history_table) in MOVED_TABLES.items():
        assert model._meta.db_table == table
        assert model.history.model._meta.db_table == history_table
        assert {table, history_table} <= tables
    # No second copy under the new app's name (models added to policy later have their own).
    copies = {"policy_policyarea", "policy_document"}
    copies |= {name.replace("policy_", "policy_historical") for name in copies}
    assert not copies & tables


@pytest.mark.django_db
def test_content_types_say_policy():
    for model in (PolicyArea, Document, PolicyArea.history.model, Document.history.model):
        assert ContentType.objects.get_for_model(model).app_label == "policy"


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


def _write_before_the_move(old) -> dict:
    """Records as the planning app wrote them, through the models of that time."""
    now = timezone.now()
    programme = old.get_model("planning", "PolicyArea").objects.create(code="2", title_nl="Eco")
    field = old.get_model("planning", "PolicyArea").objects.create(
        code="2.1", title_nl="Structuur", parent=programme
    )
    old.get_model("planning", "HistoricalPolicyArea").objects.create(
        id=field.pk,
        code="2.1",
        title_nl="Structuur (eerst)",
        parent_id=programme.pk,
        created_at=now,
        history_date=now,
        history_type="+",
    )
    document = old.get_model("planning", "Document").objects.create(kind="begroting", year=2018)
    old.get_model("planning", "HistoricalDocument").objects.create(
        id=document.pk,
        kind="begroting",
        year=2018,
        created_at=now,
        history_date=now,
        history_type="+",
    )
    indicator = old.get_model("indicators", "Indicator").objects.create(
        code="i1", name_nl="Aantal", policy_area_id=field.pk
    )
    old.get_model("indicators", "Target").objects.create(
        indicator=indicator, year=2018, comparator=">", value=5, set_in_id=document.pk
    )
    old.get_model("planning", "Chapter").objects.create(
        document_id=document.pk, policy_area_id=field.pk
    )
    content_type, _ = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="planning", model="policyarea"
    )
    permission, _ = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="change_policyarea", defaults={"name": "Can change"}
    )
    group = old.get_model("auth", "Group").objects.create(name="begroting")
    group.permissions.add(permission)
    editor = old.get_model("accounts", "User").objects.create(username="editor")
    old.get_model("admin", "LogEntry").objects.create(
        action_time=now,
        content_type=content_type,
        object_id=str(field.pk),
        object_repr="2.1",
        action_flag=CHANGE,
        user=editor,
    )
    return {"field": field.pk, "document": document.pk, "permission": permission.pk}


@pytest.mark.django_db(transaction=True)
def test_records_from_before_the_move_survive_it():
    # Back to before the move, with its reverse; the user table too, as it was then (a later
    # column such as is_team_lead has no database default for the old model to rely on).
    executor = _migrate([("policy", None), ("accounts", "0002_user_organisation")])
    try:
        old = executor.loader.project_state(
            [*BEFORE_THE_MOVE, ("accounts", "0002_user_organisation")]
        ).apps
        ids = _write_before_the_move(old)
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    field = PolicyArea.objects.get(pk=ids["field"])
    assert (field.code, field.parent.code) == ("2.1", "2")
    assert list(field.history.values_list("title_nl", flat=True)) == ["Structuur (eerst)"]
    document = Document.objects.get(pk=ids["document"])
    assert document.history.count() == 1
    assert Indicator.objects.get(code="i1").policy_area == field
    assert Target.objects.get().set_in == document
    assert Chapter.objects.get().document == document

    assert not ContentType.objects.filter(app_label="planning", model="policyarea").exists()
    entry = LogEntry.objects.get(object_repr="2.1")
    assert entry.content_type.model_class() is PolicyArea
    assert entry.get_edited_object() == field
    granted = Group.objects.get(name="begroting").permissions.get()
    assert (granted.pk, granted.content_type.app_label) == (ids["permission"], "policy")
