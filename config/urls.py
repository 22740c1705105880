from django.contrib import admin
from django.urls import include, path

from accounts.languages import set_language_view

from .views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("konto/", include("accounts.urls")),
    path("i18n/setlang/", set_language_view, name="set_language"),
    path("", include("courses.urls")),
    path("praxis/", include("placements.urls")),
    path("zertifikate/", include("certificates.urls")),
    path("tabellen/", include("spreadsheets.urls")),
    path("datenschutz/", include("privacy.urls")),
    path("verbleib/", include("outcomes.urls")),
    path("kennzahlen/", include("dashboard.urls")),
    path("benachrichtigungen/", include("notifications.urls")),
    path("admin/", admin.site.urls),
]
