"""Account pages, mounted under /account/ by ehcp_site/urls.py."""

from django.urls import path

from ehcp_site.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-up/", views.sign_up_view, name="sign-up"),
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path(
        "password-reset/sent/",
        views.PasswordResetSentView.as_view(),
        name="password-reset-sent",
    ),
    path(
        "reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path("your-account/", views.account_view, name="account"),
    path("your-account/name/", views.account_name_view, name="change-name"),
    path("your-account/email/", views.account_email_view, name="change-email"),
    path("your-account/password/", views.account_password_view, name="change-password"),
    path("confirm-email/", views.verify_email_send_view, name="verify-send"),
    path("confirm-email/<str:token>/", views.verify_email_view, name="verify"),
    path("delete/", views.account_delete_view, name="delete"),
    path("deleted/", views.account_deleted_view, name="deleted"),
]
