"""Free questions get a stable key. Answers given so far are stored under the question's
position (q1, q2, ...): the existing questions take exactly that as their key, so no answer
moves."""

from django.db import migrations


def key_questions(apps, schema_editor):
    settings_model = apps.get_model("registrations", "RegistrationSettings")
    for config in settings_model.objects.exclude(free_questions=[]).iterator():
        questions = list(config.free_questions or [])
        if all(question.get("key") for question in questions):
            continue
        config.free_questions = [
            {**question, "key": question.get("key") or f"q{position}"}
            for position, question in enumerate(questions, start=1)
        ]
        config.save(update_fields=["free_questions"])


class Migration(migrations.Migration):
    dependencies = [("registrations", "0002_kept_counts")]

    operations = [migrations.RunPython(key_questions, migrations.RunPython.noop)]
