from django.urls import path

from . import oidc_views, views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    # Signing in with the identity provider (404 while OIDC_ISSUER is not set); the callback is
    # the redirect URI to register at the provider.
    path("oidc/sign-in/", oidc_views.OIDCSignInView.as_view(), name="oidc-sign-in"),
    path("oidc/callback/", oidc_views.OIDCCallbackView.as_view(), name="oidc-callback"),
]
