"""``/api/v1/search/?q=``: the same search as the results page, as JSON."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from kennisstad.accounts.api_permissions import RegistryAccess

from . import selectors
from .models import SearchKind
from .views import MAX_QUERY_LENGTH

API_DETAIL_ROUTES = {
    SearchKind.ORGANISATION: "api:organisation-detail",
    SearchKind.PERSON: "api:person-detail",
    SearchKind.PROJECT: "api:project-detail",
    SearchKind.ACTIVITY: "api:activity-detail",
}

SearchResponse = inline_serializer(
    "SearchResponse",
    {
        "query": serializers.CharField(),
        "results": inline_serializer(
            "SearchKindResults",
            {
                "kind": serializers.ChoiceField(choices=SearchKind.choices),
                "total": serializers.IntegerField(),
                "items": inline_serializer(
                    "SearchItem",
                    {
                        "id": serializers.IntegerField(),
                        "title": serializers.CharField(),
                        "url": serializers.URLField(),
                    },
                    many=True,
                ),
            },
            many=True,
        ),
    },
)


class SearchAPIView(APIView):
    """Organisations, people, projects and activities matching every word of ``q`` (word
    prefixes, case and accents ignored), as far as the caller may see them."""

    permission_classes = [RegistryAccess]

    @extend_schema(
        operation_id="search",
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="The words to find."),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": 100},
                description="Records per kind (1–100, default 20).",
            ),
        ],
        responses=SearchResponse,
    )
    def get(self, request):
        query = request.query_params.get("q", "").strip()[:MAX_QUERY_LENGTH]
        try:
            limit = int(request.query_params.get("limit", 20))
        except (TypeError, ValueError) as exc:
            raise exceptions.ValidationError({"limit": [_("A whole number is required.")]}) from exc
        if not 1 <= limit <= 100:
            raise exceptions.ValidationError({"limit": [_("Choose between 1 and 100.")]})
        groups = selectors.search(user=request.user, query=query, limit=limit) if query else []
        return Response(
            {
                "query": query,
                "results": [
                    {
                        "kind": group.kind,
                        "total": group.total,
                        "items": [
                            {
                                "id": record.pk,
                                "title": str(record),
                                "url": reverse(
                                    API_DETAIL_ROUTES[group.kind], args=[record.pk], request=request
                                ),
                            }
                            for record in group.records
                        ],
                    }
                    for group in groups
                ],
            }
        )
