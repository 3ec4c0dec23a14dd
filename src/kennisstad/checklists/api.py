"""REST API of the checklists: templates with their tasks nested (/api/v1/checklist-templates/),
checklists applied to an activity or a delegation (/api/v1/checklists/, POST applies a template),
and their tasks (/api/v1/checklist-tasks/, with ``done`` and ``reopen``). The municipality's side
reads; the team writes; partners and anonymous callers get nothing."""

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from kennisstad.agenda.models import Activity
from kennisstad.core.api import (
    ModelCleanSerializer,
    ModelSerializer,
    VersionedModelViewSet,
    assign_fields,
    expected_version_from,
)
from kennisstad.core.api_schema import IF_MATCH, versioned_schema
from kennisstad.delegations.models import Delegation

from . import selectors, services
from .models import Checklist, ChecklistTemplate, Task, TemplateItem


class TemplateItemSerializer(ModelSerializer):
    id = serializers.IntegerField(
        required=False, help_text="Send the id of a stored row to change it; leave it out to add."
    )
    default_owner = serializers.PrimaryKeyRelatedField(
        queryset=selectors.team_users(), required=False, allow_null=True
    )

    class Meta:
        model = TemplateItem
        fields = [
            "id",
            "title_nl",
            "title_en",
            "description",
            "offset_days",
            "default_owner",
            "order",
        ]


class TemplateSerializer(ModelCleanSerializer):
    items = TemplateItemSerializer(
        many=True, required=False, help_text="Replaces the template's tasks when sent."
    )

    class Meta:
        model = ChecklistTemplate
        fields = [
            "id",
            "url",
            "name_nl",
            "name_en",
            "kind",
            "description_nl",
            "description_en",
            "is_active",
            "items",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"url": {"view_name": "api:checklist-template-detail"}}


@versioned_schema
class TemplateViewSet(VersionedModelViewSet):
    serializer_class = TemplateSerializer
    may_read = staticmethod(selectors.may_see_checklists)
    search_fields = ["name_nl", "name_en"]

    def get_queryset(self):
        return ChecklistTemplate.objects.prefetch_related("items").order_by("kind", "name_nl", "id")

    @transaction.atomic
    def save_function(self, *, instance, validated_data, expected_version):
        items = validated_data.pop("items", None)
        template = instance or ChecklistTemplate()
        for name, value in validated_data.items():
            setattr(template, name, value)
        return services.save_template(
            template=template,
            user=self.request.user,
            expected_version=expected_version,
            items=items,
        )


class TaskSerializer(ModelSerializer):
    owner = serializers.PrimaryKeyRelatedField(
        queryset=selectors.team_users(), required=False, allow_null=True
    )
    follows_event = serializers.BooleanField(
        read_only=True, help_text="Whether the due date moves with the event (not set by hand)."
    )
    version = serializers.IntegerField(
        required=False,
        help_text="The version you read; alternatively send it in the If-Match header.",
    )

    class Meta:
        model = Task
        fields = [
            "id",
            "checklist",
            "title_nl",
            "title_en",
            "description",
            "owner",
            "due_on",
            "offset_days",
            "follows_event",
            "done_at",
            "done_by",
            "order",
            "version",
            "updated_at",
        ]
        read_only_fields = ["checklist", "offset_days", "done_at", "done_by", "updated_at"]


class ChecklistSerializer(ModelSerializer):
    template = serializers.PrimaryKeyRelatedField(
        queryset=ChecklistTemplate.objects.filter(is_active=True),
        help_text="The active template to apply.",
    )
    activity = serializers.PrimaryKeyRelatedField(
        queryset=Activity.objects.all(), required=False, allow_null=True
    )
    delegation = serializers.PrimaryKeyRelatedField(
        queryset=Delegation.objects.all(), required=False, allow_null=True
    )
    tasks = TaskSerializer(many=True, read_only=True)

    class Meta:
        model = Checklist
        fields = [
            "id",
            "template",
            "name_nl",
            "name_en",
            "activity",
            "delegation",
            "created_at",
            "tasks",
        ]
        read_only_fields = ["name_nl", "name_en", "created_at"]

    def validate(self, attrs):
        if (attrs.get("activity") is None) == (attrs.get("delegation") is None):
            raise serializers.ValidationError(_("Give exactly one of activity and delegation."))
        return attrs


class ChecklistViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """POST applies a template to one activity or delegation; the tasks are copied from it."""

    serializer_class = ChecklistSerializer
    may_read = staticmethod(selectors.may_see_checklists)

    def get_queryset(self):
        return Checklist.objects.prefetch_related("tasks").order_by("id")

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.apply_template(
            template=data["template"],
            user=self.request.user,
            activity=data.get("activity"),
            delegation=data.get("delegation"),
        )


@extend_schema_view(
    update=extend_schema(parameters=[IF_MATCH]),
    partial_update=extend_schema(parameters=[IF_MATCH]),
)
class TaskViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Edit or reassign a task, naming the version read (If-Match or ``version``) as every
    versioned record; a due date sent that differs from the computed one is fixed."""

    serializer_class = TaskSerializer
    may_read = staticmethod(selectors.may_see_checklists)
    ordering_fields = ["due_on", "id"]

    def get_queryset(self):
        return selectors.task_queryset().order_by("due_on", "id")

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = f'"{response.data["version"]}"'
        return response

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        task = self.get_object()
        expected_version = expected_version_from(request, task)
        serializer = self.get_serializer(task, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("version", None)
        due = data.pop("due_on", None)
        with transaction.atomic():
            saved = services.save_task(
                task=assign_fields(task, data),
                user=request.user,
                due_on=due,
                expected_version=expected_version,
            )
        return self._answer(request, saved)

    def _answer(self, request, task):
        fresh = get_object_or_404(self.get_queryset(), pk=task.pk)
        response = Response(TaskSerializer(fresh, context={"request": request}).data)
        response["ETag"] = f'"{fresh.version}"'
        return response

    def _status(self, request, service):
        task = self.get_object()  # a 403 for anyone but the team (``can_change``)
        if request.headers.get("If-Match"):
            expected_version_from(request, task)  # optional here: 412 when stale
        service(task=task, user=request.user)
        return self._answer(request, task)

    @extend_schema(request=None, responses={200: TaskSerializer}, description="Tick off.")
    @action(detail=True, methods=["post"])
    def done(self, request, pk=None, format=None):
        return self._status(request, services.mark_done)

    @extend_schema(request=None, responses={200: TaskSerializer}, description="Reopen.")
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None, format=None):
        return self._status(request, services.reopen)
