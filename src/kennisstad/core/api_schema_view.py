"""The OpenAPI schema, generated once per process and language and format, then served from
memory with an ETag: generating it cost most of a second, so it served six requests a second
and timed out under load. It depends on the code only (the committed ``openapi.yaml`` is the
English YAML one, checked by ``make schema-check``), never on data or on who asks."""

import hashlib

from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView

# (language, format, media type) -> (content, content type, disposition, ETag); a few at most.
_rendered: dict[tuple, tuple[bytes, str, str, str]] = {}
MAX_VARIANTS = 16


class CachedSchemaView(SpectacularAPIView):
    # A document that changes only with a release: no rate limit to count it against.
    throttle_classes: list = []

    @extend_schema(exclude=True)  # as SpectacularAPIView: not a part of the API it describes
    def get(self, request, *args, **kwargs):
        language = request.GET.get("lang") or translation.get_language()
        key = (language, request.accepted_renderer.format, request.accepted_media_type)
        entry = _rendered.get(key)
        if entry is None:
            response = super().get(request, *args, **kwargs)
            response.accepted_renderer = request.accepted_renderer
            response.accepted_media_type = request.accepted_media_type
            response.renderer_context = self.get_renderer_context()
            response.render()
            content = response.content
            etag = quote_etag(hashlib.sha256(content).hexdigest()[:32])
            entry = (content, response["Content-Type"], response["Content-Disposition"], etag)
            if len(_rendered) < MAX_VARIANTS:
                _rendered[key] = entry
        content, content_type, disposition, etag = entry
        conditional = get_conditional_response(request, etag=etag)
        if conditional is not None:
            conditional["ETag"] = etag
            return conditional
        answer = HttpResponse(content, content_type=content_type)
        answer["Content-Disposition"] = disposition
        answer["ETag"] = etag
        return answer
