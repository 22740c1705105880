from django.urls import include, path

from . import views

app_name = "certificates"

urlpatterns = [
    # Public, no login: opened from the QR code or by typing number and code.
    path("pruefen/", views.VerifyView.as_view(), name="verify"),
    path("pruefen/<str:code>/", views.VerifyView.as_view(), name="verify_code"),
    path("kohorte/<int:pk>/", views.CohortOverviewView.as_view(), name="cohort_overview"),
    path("kohorte/<int:pk>/ausstellen/", views.CohortIssueView.as_view(), name="cohort_issue"),
    path("kohorte/<int:pk>/zip/", views.CohortZipView.as_view(), name="cohort_zip"),
    path(
        "kohorte/<int:pk>/bescheinigungen/ausstellen/",
        views.CohortAttendanceIssueView.as_view(),
        name="cohort_issue_attendance",
    ),
    path(
        "kohorte/<int:pk>/bescheinigungen/zip/", views.CohortAttendanceZipView.as_view(), name="cohort_attendance_zip"
    ),
    path("teilnahme/<int:pk>/", views.EnrolmentCertificateView.as_view(), name="enrolment"),
    path("teilnahme/<int:pk>/ausstellen/", views.EnrolmentIssueView.as_view(), name="issue"),
    path("teilnahme/<int:pk>/bescheinigung/", views.EnrolmentAttendanceIssueView.as_view(), name="issue_attendance"),
    path("<int:pk>/", views.CertificateDetailView.as_view(), name="detail"),
    path("<int:pk>/pdf/", views.CertificateDownloadView.as_view(), name="download"),
    path("<int:pk>/widerrufen/", views.RevokeView.as_view(), name="revoke"),
    path("<int:pk>/korrigieren/", views.ReissueView.as_view(), name="reissue"),
    path("<int:pk>/erneut-ausstellen/", views.IssueAgainView.as_view(), name="issue_again"),
    path("", include("certificates.credential_urls")),  # signed documents: docs/credentials.md
]
