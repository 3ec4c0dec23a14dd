"""Read-only reference lists (themes) for API clients."""

from rest_framework import serializers, viewsets

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
