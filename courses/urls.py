from django.urls import path

from . import attendance_urls, views

app_name = "courses"

urlpatterns = [
    path("kohorten/", views.CohortListView.as_view(), name="cohort_list"),
    path("kohorten/neu/", views.CohortCreateView.as_view(), name="cohort_create"),
    path("kohorten/<int:pk>/", views.CohortDetailView.as_view(), name="cohort_detail"),
    path("kohorten/<int:pk>/bearbeiten/", views.CohortUpdateView.as_view(), name="cohort_update"),
    path("kohorten/<int:pk>/aufnehmen/", views.EnrolView.as_view(), name="enrol"),
    path("kohorten/<int:pk>/aufnehmen/vorhanden/", views.EnrolExistingView.as_view(), name="enrol_existing"),
    path("kohorten/<int:pk>/aufnehmen/neu/", views.EnrolNewView.as_view(), name="enrol_new"),
    path("teilnahmen/<int:pk>/austritt/", views.WithdrawView.as_view(), name="withdraw"),
    path("teilnahmen/<int:pk>/eintritt/", views.EntryDateView.as_view(), name="entry_date"),
    path("teilnehmende/", views.ParticipantListView.as_view(), name="participant_list"),
    path("teilnehmende/<int:pk>/", views.ParticipantDetailView.as_view(), name="participant_detail"),
    path("teilnehmende/<int:pk>/bearbeiten/", views.ParticipantUpdateView.as_view(), name="participant_update"),
    path("teilnehmende/<int:pk>/zugang/", views.ParticipantLoginCreateView.as_view(), name="participant_login"),
]

urlpatterns += attendance_urls.urlpatterns
