"""API building blocks shared by every app: pagination, errors, validation and versioned writes.

Writes follow one protocol: read a record (its ``ETag`` is its version), send the change with
``If-Match: "<version>"`` (or the ``version`` field). A stale If-Match gets 412 (also when the
writer loses a race after the check), a stale body version 409, neither (or ``If-Match: *``) 428:
a client can never overwrite a change it has not seen.
"""

import copy
import datetime

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models, transaction
from django.db.models import ProtectedError
from django.http import Http404
from django.utils import timezone
from django.utils.http import parse_etags
from django.utils.translation import gettext as _
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from . import busy
from .concurrency import StaleVersionError
from .models import EARLIEST_YEAR, LATEST_YEAR
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
    """Turn model validation errors into 400s with field names, stale writes into 412s (the
    client sent If-Match) or 409s (it sent a ``version`` field), and a busy database into 503
    with Retry-After."""
    if isinstance(exc, DjangoValidationError):
        detail = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, StaleVersionError):
        # Lost a race after the precondition was checked: answer as if it had been checked later.
        request = context.get("request")
        if request is not None and request.headers.get("If-Match"):
            exc = PreconditionFailed(exc.message)
        else:
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


class DateTimeField(serializers.DateTimeField):
    """A moment in the municipality's calendar: between 1900 and 2200 (nothing it plans lies
    outside, and before 1900 Amsterdam's local mean time has an offset in seconds that RFC 3339
    cannot write). Such an offset, should one be stored, goes out in UTC instead."""

    def to_internal_value(self, value):
        moment = super().to_internal_value(value)
        if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
            raise serializers.ValidationError(
                _("Give a moment between the years %(first)s and %(last)s.")
                % {"first": EARLIEST_YEAR, "last": LATEST_YEAR}
            )
        return moment

    def to_representation(self, value):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            offset = self.enforce_timezone(value).utcoffset()
            if offset is not None and offset.total_seconds() % 60:
                return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
        return super().to_representation(value)


class ModelSerializer(serializers.ModelSerializer):
    """The project's model serializer: datetimes within the calendar's range, written in
    RFC 3339."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateTimeField: DateTimeField,
    }


class ModelCleanSerializer(ModelSerializer):
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


def _if_match_versions(header: str) -> list[str]:
    """The strong entity tags of an If-Match header. RFC 9110 compares If-Match strongly, so a
    weak tag (``W/"3"``) matches nothing; ``*`` would match any version and so is refused: a
    write must name the version it was based on."""
    if header.strip() == "*":
        raise PreconditionRequired(
            _('If-Match: * is not accepted: send the version you read, e.g. If-Match: "3".')
        )
    tags = parse_etags(header)
    if not tags:
        raise exceptions.ValidationError(
            {"If-Match": [_('Send the version you read as a quoted tag, e.g. "3".')]}
        )
    return [tag[1:-1] for tag in tags if not tag.startswith("W/")]


def expected_version_from(request, instance) -> int:
    """Read the client's version from If-Match (412 if stale) or the body (409 if stale)."""
    if_match = request.headers.get("If-Match")
    if if_match:
        versions = _if_match_versions(if_match)
        if str(instance.version) not in versions:
            raise PreconditionFailed(
                _("The record was changed since you read it (your version %(yours)s, now %(now)s).")
                % {"yours": ", ".join(versions) or if_match.strip(), "now": instance.version}
            )
        return instance.version
    body_version = request.data.get("version") if hasattr(request.data, "get") else None
    if body_version in (None, ""):
        raise PreconditionRequired(
            _("Send the version you read, in the If-Match header or the version field.")
        )
    if isinstance(body_version, bool):
        raise exceptions.ValidationError({"version": [_("A whole number is required.")]})
    try:
        body_version = int(body_version)
    except (TypeError, ValueError, OverflowError) as exc:
        raise exceptions.ValidationError({"version": [_("A whole number is required.")]}) from exc
    if body_version != instance.version:
        raise VersionConflict(
            _("The record was changed since you read it (your version %(yours)s, now %(now)s).")
            % {"yours": body_version, "now": instance.version}
        )
    return body_version


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


class ErasableChoiceField(serializers.ChoiceField):
    """A choice that erasure empties: sent out as null then (documented as nullable in the
    responses only); a client still has to write one of the choices."""

    def to_representation(self, value):
        return None if value in ("", None) else super().to_representation(value)
