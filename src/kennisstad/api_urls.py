"""The REST API under /api/v1/: each app contributes its viewsets from its own ``api`` module."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from kennisstad.agenda.api import ActivityViewSet
from kennisstad.agreements.api import AgreementViewSet
from kennisstad.attachments.api import AttachmentViewSet
from kennisstad.checklists.api import ChecklistViewSet, TaskViewSet, TemplateViewSet
from kennisstad.core.api_schema_view import CachedSchemaView
from kennisstad.core.api_views import ThemeViewSet, api_not_found
from kennisstad.delegations.api import DelegationViewSet
from kennisstad.finances.api import (
    LedgerImportViewSet,
    LedgerLineViewSet,
    LedgerTotalsViewSet,
    TaakveldViewSet,
)
from kennisstad.finances.api_grants import AllocationViewSet, GrantViewSet
from kennisstad.funding.api import ApplicationViewSet
from kennisstad.indicators.api import IndicatorViewSet, RealisationViewSet, TargetViewSet
from kennisstad.indicators.api_deliveries import DeliveredValueViewSet
from kennisstad.integrity.api import (
    GiftGivenViewSet,
    GiftReceivedViewSet,
    OfficeHolderViewSet,
    PublicGiftViewSet,
    PublicTripViewSet,
    ThirdPartyTripViewSet,
)
from kennisstad.newsletter.api import EditionViewSet, SubscriberViewSet
from kennisstad.planning.api import ChapterViewSet, DocumentViewSet
from kennisstad.planning.api_deadlines import DeadlineViewSet
from kennisstad.projects.api import ProjectViewSet
from kennisstad.registrations.api import RegistrationSettingsViewSet, RegistrationViewSet
from kennisstad.relations.api import InteractionViewSet, OrganisationViewSet, PersonViewSet
from kennisstad.search.api import SearchAPIView

router = DefaultRouter()
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("people", PersonViewSet, basename="person")
router.register("contact-moments", InteractionViewSet, basename="interaction")
router.register("projects", ProjectViewSet, basename="project")
router.register("activities", ActivityViewSet, basename="activity")
router.register("delegations", DelegationViewSet, basename="delegation")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("themes", ThemeViewSet, basename="theme")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("targets", TargetViewSet, basename="target")
router.register("realisations", RealisationViewSet, basename="realisation")
router.register("documents", DocumentViewSet, basename="document")
router.register("deliveries", DeliveredValueViewSet, basename="delivery")
router.register("chapters", ChapterViewSet, basename="chapter")
router.register("grants", GrantViewSet, basename="grant")
router.register("project-allocations", AllocationViewSet, basename="allocation")
router.register("funding-applications", ApplicationViewSet, basename="funding-application")
router.register("taakvelden", TaakveldViewSet, basename="taakveld")
router.register("finance-lines", LedgerLineViewSet, basename="finance-line")
router.register("finance-totals", LedgerTotalsViewSet, basename="finance-total")
router.register("ledger-imports", LedgerImportViewSet, basename="ledger-import")
router.register("deadlines", DeadlineViewSet, basename="deadline")
router.register("checklist-templates", TemplateViewSet, basename="checklist-template")
router.register("checklists", ChecklistViewSet, basename="checklist")
router.register("checklist-tasks", TaskViewSet, basename="checklist-task")
router.register("attachments", AttachmentViewSet, basename="attachment")
router.register("newsletter-editions", EditionViewSet, basename="newsletter-edition")
router.register("newsletter-subscribers", SubscriberViewSet, basename="newsletter-subscriber")
router.register("registrations", RegistrationViewSet, basename="registration")
router.register("office-holders", OfficeHolderViewSet, basename="office-holder")
router.register("gifts-received", GiftReceivedViewSet, basename="gift-received")
router.register("gifts-given", GiftGivenViewSet, basename="gift-given")
router.register("third-party-trips", ThirdPartyTripViewSet, basename="third-party-trip")
router.register("public-gifts", PublicGiftViewSet, basename="public-gift")
router.register("public-trips", PublicTripViewSet, basename="public-trip")
router.register(
    "registration-settings", RegistrationSettingsViewSet, basename="registration-settings"
)

app_name = "api"
urlpatterns = [
    path("search/", SearchAPIView.as_view(), name="search"),
    path("", include(router.urls)),
    path("schema/", CachedSchemaView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    # Anything else under /api/v1/ (e.g. /people/1.5/) is an API 404 in JSON, not the HTML page.
    re_path(r"^.*$", api_not_found, name="not-found"),
]
