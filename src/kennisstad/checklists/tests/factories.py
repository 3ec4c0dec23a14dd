import factory

from kennisstad.checklists.models import ChecklistTemplate, TemplateItem


class ChecklistTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistTemplate

    name_nl = factory.Sequence(lambda n: f"Inkomende delegatie {n}")
    name_en = factory.Sequence(lambda n: f"Incoming delegation {n}")
    kind = "incoming_delegation"


class TemplateItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TemplateItem

    template = factory.SubFactory(ChecklistTemplateFactory)
    title_nl = factory.Sequence(lambda n: f"Taak {n}")
    title_en = factory.Sequence(lambda n: f"Task {n}")
    offset_days = -14


def template_with_items(offsets=(-42, -14, 0, 7), **kwargs) -> ChecklistTemplate:
    template = ChecklistTemplateFactory(**kwargs)
    for order, offset in enumerate(offsets):
        TemplateItemFactory(
            template=template,
            offset_days=offset,
            order=order,
            title_nl=f"Taak {offset:+d}",
            title_en=f"Task {offset:+d}",
        )
    return template
