"""REST API of the newsletter, for the team only: editions (read and write drafts, with the
version protocol of every other record) and subscribers (read only). Partners, readers and the
public get nothing: subscribers' addresses are personal data."""

from rest_framework import serializers, viewsets

from kennisstad.accounts import access
from kennisstad.core.api import ModelCleanSerializer, VersionedModelViewSet, assign_fields
from kennisstad.core.api_schema import versioned_schema

from . import selectors, services
from .models import Edition, Subscriber


class EditionSerializer(ModelCleanSerializer):
    class Meta:
        model = Edition
        fields = [
            "id",
            "subject_nl",
            "subject_en",
            "intro_nl",
            "intro_en",
            "body_nl",
            "body_en",
            "activities_from",
            "activities_until",
            "status",
            "sending_started_at",
            "sent_at",
            "version",
            "updated_at",
        ]
        read_only_fields = ["status", "sending_started_at", "sent_at", "updated_at"]


@versioned_schema
class EditionViewSet(VersionedModelViewSet):
    """Newsletter editions; only drafts change. Sending starts on the edition's page."""

    may_read = staticmethod(access.is_team)
    serializer_class = EditionSerializer
    queryset = selectors.edition_list()
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def save_function(self, *, instance, validated_data, expected_version):
        return services.save_edition(
            edition=assign_fields(instance or Edition(), validated_data),
            user=self.request.user,
            expected_version=expected_version,
        )


class SubscriberSerializer(serializers.ModelSerializer):
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Subscriber
        fields = [
            "id",
            "email",
            "language",
            "themes",
            "status",
            "created_at",
            "confirmed_at",
            "unsubscribed_at",
        ]


class SubscriberViewSet(viewsets.ReadOnlyModelViewSet):
    """Subscribers of the newsletter, for the team (read only)."""

    may_read = staticmethod(access.is_team)
    serializer_class = SubscriberSerializer
    queryset = selectors.subscriber_list()
    filterset_fields = ["status", "language"]

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        results = response.data.get("results", response.data) if response.data else []
        ids = [row["id"] for row in results]
        services.log_subscribers_listed(
            user=request.user, subscribers=list(Subscriber.objects.filter(pk__in=ids))
        )
        return response

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        subscriber = Subscriber.objects.filter(pk=response.data["id"])
        services.log_subscribers_listed(user=request.user, subscribers=list(subscriber))
        return response
