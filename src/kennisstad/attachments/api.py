"""REST API for files on records: list (per record), metadata, upload (multipart), a new
version, edit, delete and download. Who sees a file follows its record, as on the pages; a
download of personal data is logged like one on the page."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from kennisstad.accounts import access
from kennisstad.core.api import ModelSerializer, VersionedModelViewSet
from kennisstad.core.api_schema import versioned_schema
from kennisstad.core.filters import FilterSet

from . import content_check, limits, selectors, services
from .kinds import KINDS
from .models import RECORD_FIELDS, Attachment, AttachmentVersion
from .storage import max_upload_bytes
from .views import file_response, may_download


class AttachmentAccess(BasePermission):
    """Reads for the registry's users (the queryset keeps to the files they see); writes for
    whoever may change the file (a partner: shared files on its own organisation's activities)."""

    def has_permission(self, request, view) -> bool:
        return access.can_use_registry(request.user)

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return services.may_change_attachment(obj, request.user)


def _visible_records(field: str, request) -> QuerySet:
    """The records of one kind the requester sees: a record it may not see is refused like
    one that does not exist, in the filters and when naming the record of a new file."""
    kind = KINDS[field]
    if request is None:
        return kind.model._default_manager.none()
    return kind.visible_records(request.user)


class AttachmentFilter(FilterSet):
    """``?project=12``: the files of one record (one parameter per kind of record)."""

    class Meta:
        model = Attachment
        fields = list(RECORD_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in RECORD_FIELDS:
            records = _visible_records(field, self.request)
            record_filter = self.filters[field]
            record_filter.queryset = records
            # The form field may already exist: drf-spectacular builds it on the class's filters
            # while writing the schema, and every instance copies it with the old queryset.
            record_filter.field.queryset = records


class VersionSerializer(ModelSerializer):
    class Meta:
        model = AttachmentVersion
        fields = ["number", "original_name", "size", "sha256", "content_type", "uploaded_at"]


class AttachmentSerializer(ModelSerializer):
    kind = serializers.SerializerMethodField(help_text="The kind of record the file is on.")
    versions = VersionSerializer(many=True, read_only=True, help_text="Newest (current) first.")
    file = serializers.FileField(
        write_only=True, required=False, help_text="On creation: the file (multipart)."
    )

    class Meta:
        model = Attachment
        fields = [
            "id",
            "version",
            "kind",
            *RECORD_FIELDS,
            "title",
            "description",
            "document_date",
            "holds_personal_data",
            "shared_with_partners",
            "versions",
            "file",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["version", "created_at", "updated_at"]
        extra_kwargs = {"title": {"required": False}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in RECORD_FIELDS:
            self.fields[field].queryset = _visible_records(field, self.context.get("request"))

    def get_kind(self, obj: Attachment) -> str:
        return obj.kind_field

    def validate(self, attrs):
        if self.instance is None:
            records = [field for field in RECORD_FIELDS if attrs.get(field) is not None]
            if len(records) != 1:
                raise exceptions.ValidationError(
                    _("Name exactly one record: one of %(fields)s.")
                    % {"fields": ", ".join(RECORD_FIELDS)}
                )
            if attrs.get("file") is None:
                raise exceptions.ValidationError({"file": [_("Send the file.")]})
        else:
            moved = [
                f for f in RECORD_FIELDS if f in attrs and attrs[f] != getattr(self.instance, f)
            ]
            if moved:
                raise exceptions.ValidationError(_("A file stays on the record it was added to."))
        return attrs


class NewVersionSerializer(serializers.Serializer):
    file = serializers.FileField()


class TooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


def _refuse_oversized(request) -> None:
    """A request announcing more than the limit is refused unread; one that passes it while
    streaming in is stopped there (``limits``, installed in ``initialize_request``)."""
    limit = max_upload_bytes() // (1024 * 1024)
    if limits.announced_too_large(request._request):
        raise TooLarge(_("The file is larger than %(limit)s MB.") % {"limit": limit})
    request.data  # noqa: B018  (parse now: a stopped upload shows as such)
    if name := limits.stopped(request._request):
        raise TooLarge(_("%(name)s is larger than %(limit)s MB.") % {"name": name, "limit": limit})


def _as_api_error(exc: DjangoValidationError) -> exceptions.ValidationError:
    return exceptions.ValidationError({"file": exc.messages})


@versioned_schema
class AttachmentViewSet(VersionedModelViewSet):
    serializer_class = AttachmentSerializer
    filterset_class = AttachmentFilter
    permission_classes = [AttachmentAccess]
    ordering_fields = ["document_date", "created_at", "title"]

    def get_queryset(self):
        visible = selectors.visible_attachments(self.request.user)
        return selectors.with_versions(visible).order_by("-created_at", "-id")

    def initialize_request(self, request, *args, **kwargs):
        if request.method == "POST":  # before authentication's CSRF check reads the body
            limits.install(request)
        return super().initialize_request(request, *args, **kwargs)

    def create(self, request, *args, **kwargs):
        _refuse_oversized(request)
        return super().create(request, *args, **kwargs)

    def save_function(self, *, instance, validated_data, expected_version):
        if instance is not None:
            fields = {k: v for k, v in validated_data.items() if k not in RECORD_FIELDS}
            fields.pop("file", None)
            return services.update_attachment(
                attachment=instance,
                user=self.request.user,
                expected_version=expected_version,
                **fields,
            )
        field = next(f for f in RECORD_FIELDS if validated_data.get(f) is not None)
        record = selectors.visible_record(field, validated_data[field].pk, user=self.request.user)
        if record is None:
            raise exceptions.ValidationError({field: [_("No such record.")]})
        upload = validated_data["file"]
        try:
            return services.add_attachment(
                record=record,
                user=self.request.user,
                upload=upload,
                name=upload.name,
                title=validated_data.get("title", ""),
                description=validated_data.get("description", ""),
                document_date=validated_data.get("document_date"),
                holds_personal_data=validated_data.get("holds_personal_data", False),
                shared_with_partners=validated_data.get("shared_with_partners", False),
            )
        except DjangoValidationError as exc:
            raise _as_api_error(exc) from exc

    delete_function = staticmethod(services.delete_attachment)

    @extend_schema(
        request={"multipart/form-data": NewVersionSerializer},
        responses={201: AttachmentSerializer},
        description="Upload a newer file; the older versions stay downloadable.",
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])
    def versions(self, request, pk=None, format=None):
        _refuse_oversized(request)
        attachment = self.get_object()
        body = NewVersionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        upload = body.validated_data["file"]
        try:
            services.add_version(
                attachment=attachment, user=request.user, upload=upload, name=upload.name
            )
        except DjangoValidationError as exc:
            raise _as_api_error(exc) from exc
        fresh = self.get_queryset().get(pk=attachment.pk)
        response = Response(self.get_serializer(fresh).data, status=status.HTTP_201_CREATED)
        response["ETag"] = f'"{fresh.version}"'
        return response

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "number", int, description="A version's number; the current one without it."
            )
        ],
        responses={
            (200, kind.content_type): OpenApiResponse(OpenApiTypes.BINARY)
            for kind in content_check.ACCEPTED
        },
        description="The file itself, as an attachment with its original name. A download of "
        "a file holding personal data is written in the access log first.",
    )
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None, format=None):
        attachment = self.get_object()
        versions = attachment.versions.all()
        number = request.query_params.get("number")
        if number is not None:
            version = next((v for v in versions if str(v.number) == number.strip()), None)
        else:
            version = versions[0] if versions else None
        if version is None:
            raise exceptions.NotFound()
        if not may_download(request.user, attachment):
            raise exceptions.PermissionDenied()
        services.record_download(version=version, user=request.user, via="api")
        return file_response(version)
