"""A policy area's code says where it sits: 2 is a programme, 2.1 a sub-programme under it,
2.1.4 a policy field under that; a code and its parent must agree."""

import pytest
from django.core.exceptions import ValidationError

from kennisstad.policy.models import PolicyArea, PolicyAreaLevel
from kennisstad.policy.tests.factories import PolicyAreaFactory, seed_policy_field

pytestmark = pytest.mark.django_db


def test_the_code_gives_the_level():
    field = seed_policy_field()
    assert field.level == PolicyAreaLevel.POLICY_FIELD
    assert field.parent.level == PolicyAreaLevel.SUB_PROGRAMME
    assert field.parent.parent.level == PolicyAreaLevel.PROGRAMME
    assert str(field) == "2.1.4 Kennissectoren"


@pytest.mark.parametrize(
    "code, parent_code, error_field",
    [
        ("2.a", None, "code"),
        ("2.1.4", None, "parent"),  # a policy field needs its sub-programme
        ("2.1.4", "2", "parent"),  # ... not its programme
        ("3", "2", "parent"),  # a programme has no parent
    ],
)
def test_a_code_and_its_parent_must_agree(code, parent_code, error_field):
    seed_policy_field()
    parent = PolicyArea.objects.get(code=parent_code) if parent_code else None
    area = PolicyArea(code=code, title_nl="Nieuw", parent=parent)
    with pytest.raises(ValidationError) as raised:
        area.clean()
    assert error_field in raised.value.message_dict


def test_a_child_under_its_parent_is_valid():
    sub = seed_policy_field().parent
    PolicyArea(code="2.1.5", title_nl="Nieuw", parent=sub).clean()
    PolicyAreaFactory(code="7", title_nl="Programma zeven").clean()
