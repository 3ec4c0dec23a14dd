from django.urls import path

from . import oidc_views, views, views_mfa

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    # Signing in with the identity provider (404 while OIDC_ISSUER is not set); the callback is
    # the redirect URI to register at the provider.
    path("oidc/sign-in/", oidc_views.OIDCSignInView.as_view(), name="oidc-sign-in"),
    path("oidc/callback/", oidc_views.OIDCCallbackView.as_view(), name="oidc-callback"),
    path("password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path("password/reset/sent/", views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "password/reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path("two-step/setup/", views_mfa.SetupView.as_view(), name="mfa-setup"),
    path("two-step/verify/", views_mfa.VerifyView.as_view(), name="mfa-verify"),
    path(
        "two-step/recovery-codes/",
        views_mfa.RecoveryCodesView.as_view(),
        name="mfa-recovery-codes",
    ),
    path("two-step/remove/", views_mfa.RemoveView.as_view(), name="mfa-remove"),
]
