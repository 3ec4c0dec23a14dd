from django.urls import path

from . import views

app_name = "delegations"
urlpatterns = [
    path("", views.DelegationListView.as_view(), name="delegation-list"),
    path("new/", views.DelegationCreateView.as_view(), name="delegation-create"),
    path("travel-register/", views.TravelRegisterView.as_view(), name="travel-register"),
    path("<int:pk>/", views.DelegationDetailView.as_view(), name="delegation-detail"),
    path("<int:pk>/edit/", views.DelegationUpdateView.as_view(), name="delegation-update"),
    path("<int:pk>/delete/", views.DelegationDeleteView.as_view(), name="delegation-delete"),
]
