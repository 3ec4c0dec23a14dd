import datetime

import factory

from kennisstad.projects.models import Project, ProjectCategory
from kennisstad.projects.services import record_status_change


def category(code: str = ProjectCategory.COLLABORATION) -> ProjectCategory:
    return ProjectCategory.objects.get(code=code)


class ProjectFactory(factory.django.DjangoModelFactory):
    """A project with the status history ``save_project`` gives a new one (its status dated
    by its start and end date); ``status_history=False`` leaves the history empty, and
    ``status_history=[(status, date), ...]`` writes that history instead."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    title_nl = factory.Sequence(lambda n: f"Project {n}")
    title_en = factory.Sequence(lambda n: f"Project {n} (EN)")
    category = factory.LazyFunction(category)
    status = "active"
    start_date = datetime.date(2018, 1, 1)
    end_date = datetime.date(2019, 12, 31)

    @factory.post_generation
    def status_history(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        if extracted is None:
            record_status_change(project=self, user=None)
            return
        for status, day in extracted:
            self.status_changes.create(status=status, changed_on=day)
