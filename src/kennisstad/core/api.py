"""API building blocks shared by every app: pagination, errors, validation and versioned writes.

Writes follow one protocol: read a record (its ``ETag`` is its version), send the change with
``If-Match: "<version>"`` (or the ``version`` field). A stale If-Match gets 412, a stale body
version 409, neither 428: a client can never overwrite a change it has not seen.
"""

import copy

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models, transaction
from django.db.models import ProtectedError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from . import busy
from .concurrency import StaleVersionError
from .services import delete_record


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_code = "precondition_required"


class DatabaseBusy(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "database_busy"


class VersionConflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def exception_handler(exc, context):
    """Turn model validation errors into 400s with field names, stale writes into 409s and a
    busy database into 503 with Retry-After."""
    if isinstance(exc, DjangoValidationError):
        detail = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, StaleVersionError):
        exc = VersionConflict(exc.message)
    elif isinstance(exc, ProtectedError):
        names = ", ".join(sorted({str(obj) for obj in exc.protected_objects})[:5])
        exc = VersionConflict(
            _("This cannot be deleted while other records refer to it: %(names)s.")
            % {"names": names}
        )
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif busy.is_busy(exc):
        exc = DatabaseBusy(busy.busy_message())
        exc.wait = busy.retry_after()  # DRF sends it as Retry-After
    return drf_exception_handler(exc, context)


class ModelCleanSerializer(serializers.ModelSerializer):
    """Runs the model's own ``full_clean`` so the API reports exactly what the forms report."""

    version = serializers.IntegerField(
        required=False,
        help_text="The version you read; alternatively send it in the If-Match header.",
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        instance = copy.copy(self.instance) if self.instance is not None else model()
        concrete = {f.name for f in model._meta.concrete_fields}
        for name, value in attrs.items():
            if name in concrete:
                setattr(instance, name, value)
        try:
            instance.full_clean(exclude=self.clean_exclude(instance))
        except DjangoValidationError as exc:
            raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc
        for name in concrete:
            if name in attrs:
                attrs[name] = getattr(instance, name)
        return attrs

    def clean_exclude(self, instance) -> list[str]:
        return []


def assign_fields(instance: models.Model, data: dict) -> models.Model:
    """Copy validated API data onto a (new or stored) record before its service saves it."""
    for name, value in data.items():
        setattr(instance, name, value)
    return instance


def expected_version_from(request, instance) -> int:
    """Read the client's version from If-Match (412 if stale) or the body (409 if stale)."""
    if_match = request.headers.get("If-Match")
    if if_match:
        tag = if_match.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        tag = tag.strip('"')
        if tag == "*":
            return instance.version
        if tag != str(instance.version):
            raise PreconditionFailed(
                _("The record was changed since you read it (your version %(yours)s, now %(now)s).")
                % {"yours": tag, "now": instance.version}
            )
        return instance.version
    body_version = request.data.get("version") if hasattr(request.data, "get") else None
    if body_version in (None, ""):
        raise PreconditionRequired(
            _("Send the version you read, in the If-Match header or the version field.")
        )
    try:
        body_version = int(body_version)
    except (TypeError, ValueError) as exc:
        raise exceptions.ValidationError({"version": [_("A whole number is required.")]}) from exc
    if body_version != instance.version:
        raise VersionConflict(
            _("The record was changed since you read it (your version %(yours)s, now %(now)s).")
            % {"yours": body_version, "now": instance.version}
        )
    return body_version


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description='The ETag (version) you read, e.g. "3". Required unless the body has `version`.',
)


def versioned_schema(viewset_class):
    """Document If-Match on the writing endpoints of a versioned viewset."""
    return extend_schema_view(
        update=extend_schema(parameters=[IF_MATCH]),
        partial_update=extend_schema(parameters=[IF_MATCH]),
        destroy=extend_schema(parameters=[IF_MATCH]),
    )(viewset_class)


class VersionedModelViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """CRUD over a versioned record; the app's ``save_function`` does the actual write."""

    delete_function = staticmethod(delete_record)  # (instance=, user=, expected_version=)

    def save_function(self, *, instance: models.Model, validated_data: dict, expected_version):
        raise NotImplementedError

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = f'"{self.get_object().version}"'
        return response

    def _write(self, serializer, instance, expected_version):
        data = dict(serializer.validated_data)
        data.pop("version", None)
        with transaction.atomic():
            saved = self.save_function(
                instance=instance, validated_data=data, expected_version=expected_version
            )
        serializer.instance = saved
        return saved

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        saved = self._write(serializer, None, None)
        response = Response(self.get_serializer(saved).data, status=status.HTTP_201_CREATED)
        response["ETag"] = f'"{saved.version}"'
        return response

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
        expected_version = expected_version_from(request, instance)
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        saved = self._write(serializer, instance, expected_version)
        response = Response(self.get_serializer(saved).data)
        response["ETag"] = f'"{saved.version}"'
        return response

    def destroy(self, request, *args, **kwargs):
        instance = self.get_object()
        expected_version = expected_version_from(request, instance)
        self.delete_function(
            instance=instance, user=request.user, expected_version=expected_version
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


def country_choices() -> list[tuple[str, str]]:
    """The ISO 3166 country list, named once in the OpenAPI schema (``CountryEnum``)."""
    from django_countries import countries

    return [(code, name) for code, name in countries]
