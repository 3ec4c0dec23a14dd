"""Read-only reference lists (themes) for API clients, and the API's answer to an unknown
address."""

from rest_framework import exceptions, serializers, viewsets
from rest_framework.decorators import api_view, permission_classes, schema
from rest_framework.permissions import AllowAny

from .models import Theme


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["slug", "name_nl", "name_en"]


class ThemeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ThemeSerializer
    queryset = Theme.objects.order_by("name_nl")
    lookup_field = "slug"
    public_read = True
    pagination_class = None


@api_view(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@permission_classes([AllowAny])
@schema(None)
def api_not_found(request):
    """An address under /api/v1/ that names nothing: a 404 in JSON, like every API error."""
    raise exceptions.NotFound()
