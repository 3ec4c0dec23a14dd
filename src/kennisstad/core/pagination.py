"""Page-number pagination with a client-chosen page size (kept apart from ``api`` to avoid an
import cycle: DRF resolves this class while its generic views are being defined)."""

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500
