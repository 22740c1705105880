"""Signed documents (docs/credentials.md), mounted inside certificates/urls.py (namespace "certificates")."""

from django.urls import path

from . import credential_views as views

urlpatterns = [
    path("nachweise/pruefen/pdf/", views.VerifyPdfView.as_view(), name="verify_pdf"),
    path("nachweise/pruefen/badge/", views.VerifyCredentialView.as_view(), name="verify_credential"),
    path("nachweise/aussteller/<int:pk>/", views.IssuerProfileView.as_view(), name="credential_issuer"),
    path("nachweise/schluessel/", views.KeySetView.as_view(), name="credential_keys"),
    path("nachweise/schluessel/<str:kid>/", views.KeyView.as_view(), name="credential_key"),
    path("nachweise/status/<int:pk>/", views.StatusListView.as_view(), name="credential_status_list"),
    path("<int:pk>/nachweis.jwt", views.CredentialDownloadView.as_view(), name="credential_download"),
    path("<int:pk>/badge.svg", views.BadgeView.as_view(), name="credential_badge"),
    path("<int:pk>/badge.png", views.BadgePngView.as_view(), name="credential_badge_png"),
]
