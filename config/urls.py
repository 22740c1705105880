from django.contrib import admin
from django.urls import include, path

from .views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("konto/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
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
