"""The results page behind the search box in the page header."""

from django.utils.translation import gettext_lazy as _
from django.views import generic

from kennisstad.core import views as core_views

from . import selectors
from .documents import DOCUMENTS

MAX_QUERY_LENGTH = 200


class SearchView(core_views.RegistryViewMixin, generic.TemplateView):
    template_name = "search/results.html"
    title = _("Search")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        context["query"] = context["search_query"] = query
        if query:
            groups = selectors.search(user=self.request.user, query=query)
            for group in groups:
                group.url_name = DOCUMENTS[group.kind].detail_url_name
            context["groups"] = [group for group in groups if group.total]
            context["total"] = sum(group.total for group in groups)
        return context
