"""Serializer fields for the other apps' APIs: a policy area by its code, a document by its
reference (``begroting-2018``). The documents' own endpoint is planning's: it lists chapters."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from . import selectors
from .models import Document


class PolicyAreaField(serializers.SlugRelatedField):
    """A policy area written as its code, e.g. ``2.1.4``."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=selectors.policy_areas(), **kwargs)


@extend_schema_field({"type": "string", "example": "begroting-2018"})
class DocumentField(serializers.RelatedField):
    """A document written as ``begroting-2018`` or ``jaarstukken-2017``."""

    def __init__(self, **kwargs):
        super().__init__(queryset=selectors.documents(), **kwargs)

    def to_internal_value(self, data):
        try:
            return selectors.document_by_reference(data)
        except Document.DoesNotExist as exc:
            raise serializers.ValidationError(
                _("Unknown document %(reference)s; write e.g. begroting-2018.")
                % {"reference": repr(data)}
            ) from exc

    def to_representation(self, value):
        return selectors.document_reference(value)
