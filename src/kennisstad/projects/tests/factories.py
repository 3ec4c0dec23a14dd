import datetime

import factory

from kennisstad.projects.models import Project, ProjectCategory


def category(code: str = ProjectCategory.COLLABORATION) -> ProjectCategory:
    return ProjectCategory.objects.get(code=code)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title_nl = factory.Sequence(lambda n: f"Project {n}")
    title_en = factory.Sequence(lambda n: f"Project {n} (EN)")
    category = factory.LazyFunction(category)
    status = "active"
    start_date = datetime.date(2018, 1, 1)
    end_date = datetime.date(2019, 12, 31)
