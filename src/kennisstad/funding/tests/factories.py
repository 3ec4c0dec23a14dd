import datetime
from decimal import Decimal

import factory

from kennisstad.funding.models import Application, Programme, Stage


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application whose stage history is ``stage_history=[(stage, date), ...]`` (the
    current stage is the last one); without it, one row: its stage on 1 March 2018."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    title_nl = factory.Sequence(lambda n: f"Aanvraag {n}")
    title_en = factory.Sequence(lambda n: f"Application {n}")
    programme = Programme.INTERREG
    stage = Stage.SUBMITTED
    total_budget = Decimal("1000000.00")
    funder_contribution = Decimal("600000.00")
    cofinancing = Decimal("400000.00")

    @factory.post_generation
    def stage_history(self, create, extracted, **kwargs):
        if not create:
            return
        rows = extracted or [(self.stage, datetime.date(2018, 3, 1))]
        for stage, day in rows:
            self.stage_changes.create(stage=stage, changed_on=day)
        if self.stage != rows[-1][0]:
            self.stage = rows[-1][0]
            self.save(update_fields=["stage"])
