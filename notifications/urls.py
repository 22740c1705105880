from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.InboxView.as_view(), name="inbox"),
    path("<int:pk>/gelesen/", views.MarkReadView.as_view(), name="mark_read"),
    path("alle-gelesen/", views.MarkAllReadView.as_view(), name="mark_all_read"),
    path("einstellungen/", views.PreferencesView.as_view(), name="preferences"),
    # Public, no log-in: the signed link of the supervisor digest, and calendar feeds at a secret address.
    path("anleitung/<str:token>/", views.SupervisorLinkView.as_view(), name="supervisor_link"),
    path("kalender/<str:token>.ics", views.FeedView.as_view(), name="feed"),
    path("kalender/kohorte/<int:pk>/", views.CohortCalendarView.as_view(), name="cohort_calendar"),
    path("kalender/mein/", views.OwnCalendarView.as_view(), name="own_calendar"),
    path("downloads/", views.DownloadListView.as_view(), name="downloads"),
    path("downloads/kohorte/<int:pk>/zertifikate/", views.RequestCohortZipView.as_view(), name="request_cohort_zip"),
    path(
        "downloads/kohorte/<int:pk>/teilnahmebescheinigungen/",
        views.RequestCohortAttendanceZipView.as_view(),
        name="request_cohort_attendance_zip",
    ),
    path("downloads/<int:pk>/", views.DownloadDetailView.as_view(), name="download_detail"),
    path("downloads/<int:pk>/datei/", views.DownloadFileView.as_view(), name="download_file"),
]
