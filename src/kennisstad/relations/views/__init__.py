"""Pages of the relations registry: organisations, people, contact moments, the privacy rights
of a contact person and duplicates, one module each."""

from .duplicates import DuplicateListView, MergeView, OrganisationMergeView, PersonMergeView
from .interactions import (
    CompleteFollowUpView,
    DormantRelationsView,
    FollowUpListView,
    InteractionCreateView,
    InteractionDeleteView,
    InteractionDetailView,
    InteractionListView,
    InteractionSaveMixin,
    InteractionUpdateView,
)
from .organisations import (
    OrganisationCreateView,
    OrganisationDeleteView,
    OrganisationDetailView,
    OrganisationListView,
    OrganisationSaveMixin,
    OrganisationSuggestView,
    OrganisationUpdateView,
)
from .people import (
    PersonCreateView,
    PersonDeleteView,
    PersonDetailView,
    PersonListView,
    PersonSaveMixin,
    PersonSuggestView,
    PersonUpdateView,
)
from .privacy import PersonalDataExportView, PersonalDataLogView, PersonEraseView

__all__ = [
    "CompleteFollowUpView",
    "DormantRelationsView",
    "DuplicateListView",
    "FollowUpListView",
    "InteractionCreateView",
    "InteractionDeleteView",
    "InteractionDetailView",
    "InteractionListView",
    "InteractionSaveMixin",
    "InteractionUpdateView",
    "MergeView",
    "OrganisationCreateView",
    "OrganisationDeleteView",
    "OrganisationDetailView",
    "OrganisationListView",
    "OrganisationMergeView",
    "OrganisationSaveMixin",
    "OrganisationSuggestView",
    "OrganisationUpdateView",
    "PersonCreateView",
    "PersonDeleteView",
    "PersonDetailView",
    "PersonEraseView",
    "PersonListView",
    "PersonMergeView",
    "PersonSaveMixin",
    "PersonSuggestView",
    "PersonUpdateView",
    "PersonalDataExportView",
    "PersonalDataLogView",
]
