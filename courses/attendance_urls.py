"""URLs of the teaching part (sessions, attendance, progress, absence reports)."""

from django.urls import path

from . import attendance_views as views

urlpatterns = [
    path("kohorten/<int:pk>/termine/", views.SessionListView.as_view(), name="session_list"),
    path("kohorten/<int:pk>/termine/neu/", views.SessionCreateView.as_view(), name="session_create"),
    path("kohorten/<int:pk>/termine/serie/", views.SessionSeriesView.as_view(), name="session_series"),
    path("termine/<int:pk>/bearbeiten/", views.SessionUpdateView.as_view(), name="session_update"),
    path("termine/<int:pk>/loeschen/", views.SessionDeleteView.as_view(), name="session_delete"),
    path("termine/<int:pk>/anwesenheit/", views.RegisterView.as_view(), name="register"),
    path("termine/<int:pk>/unterschriftenliste.pdf", views.AttendanceSheetView.as_view(), name="attendance_sheet"),
    path("kohorten/<int:pk>/anwesenheit/", views.MatrixView.as_view(), name="attendance_matrix"),
    path("teilnahmen/<int:pk>/anwesenheit/", views.EnrolmentAttendanceView.as_view(), name="enrolment_attendance"),
    path("kohorten/<int:pk>/fehlzeiten/", views.AbsenceReportView.as_view(), name="absence_report"),
    path(
        "kohorten/<int:pk>/fehlzeiten/<int:year>-<int:month>.<str:fmt>",
        views.AbsenceReportDownloadView.as_view(),
        name="absence_report_download",
    ),
    path("teilnahmen/<int:pk>/austrittsmeldung.pdf", views.DropoutNoticeView.as_view(), name="dropout_notice"),
]
