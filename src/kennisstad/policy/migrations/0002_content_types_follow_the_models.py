"""The content types of the moved models say ``policy`` instead of ``planning``. The rows are
renamed, not recreated, so the admin's log entries and the permissions granted to groups and
users (both point to a content type's id) keep working."""

from django.db import migrations

MOVED = ["policyarea", "historicalpolicyarea", "document", "historicaldocument"]


def _move(apps, old_label: str, new_label: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MOVED:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:  # a fresh database: post_migrate creates the new label's rows
            continue
        # A migrate run that stopped between the two migrations may have created empty rows
        # under the new label; the old row carries the history, so the empty one gives way.
        stale = ContentType.objects.filter(app_label=new_label, model=model)
        Permission.objects.filter(content_type__in=stale).delete()
        stale.delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])


def planning_to_policy(apps, schema_editor):
    _move(apps, "planning", "policy")


def policy_to_planning(apps, schema_editor):
    _move(apps, "policy", "planning")


class Migration(migrations.Migration):

    dependencies = [
        ("policy", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(planning_to_policy, policy_to_planning)]
