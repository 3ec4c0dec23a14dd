"""The demo has four templates, applied to the Tianjin delegation and the Brussels mission;
loading twice adds nothing."""

import pytest

from kennisstad.checklists.models import Checklist, ChecklistTemplate, Task
from kennisstad.workspace.demo import load_demo

pytestmark = pytest.mark.django_db


def test_demo_checklists_are_realistic_and_idempotent():
    first = load_demo()
    assert first["created"]["checklist templates"] == 4
    assert first["created"]["checklists"] == 2
    tianjin = Checklist.objects.get(
        delegation__activity__uid="demo-tianjin-delegation@kennisstad.example"
    )
    titles = set(tianjin.tasks.values_list("title_en", flat=True))
    assert {"Book the hotel", "Book interpreters", "Security briefing"} <= titles
    assert all(task.owner_id for task in tianjin.tasks.all())
    counts = (ChecklistTemplate.objects.count(), Checklist.objects.count(), Task.objects.count())
    second = load_demo()
    assert second["created"].get("checklists", 0) == 0
    assert (
        ChecklistTemplate.objects.count(),
        Checklist.objects.count(),
        Task.objects.count(),
    ) == counts
