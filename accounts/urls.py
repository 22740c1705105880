from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views
from .forms import PasswordResetForm

app_name = "accounts"


def _site_url() -> dict:
    return {"site_url": settings.SITE_URL}


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "accounts/password_reset_form.html"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    email_template_name = "accounts/email/password_reset.txt"
    html_email_template_name = "accounts/email/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        # Links that leave the app use the configured public address, not the Host header of the request.
        self.extra_email_context = _site_url()
        return super().form_valid(form)


urlpatterns = [
    path("anmelden/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "passwort/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("accounts:password_change_done")),
        name="password_change",
    ),
    path("passwort/geaendert/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    # Password reset by e-mail, Django's own views in the project's templates.
    path("passwort-vergessen/", PasswordResetView.as_view(), name="password_reset"),
    path(
        "passwort-vergessen/gesendet/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "passwort-neu/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "passwort-neu/fertig/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    # Invitations: the link from the e-mail, and the first log-in with a printed code.
    path("einladung/<int:pk>/<str:token>/", views.InvitationLinkView.as_view(), name="invitation_link"),
    path("erste-anmeldung/", views.FirstLoginView.as_view(), name="first_login"),
]
