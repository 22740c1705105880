from django.urls import path

from . import views

app_name = "placements"
# Pages with several forms: each form posts to its own address below the page's.
SUPERVISORS = "einrichtungen/<int:pk>/anleitungen/"
PREREQUISITES = "einsaetze/<int:pk>/voraussetzungen/"

urlpatterns = [
    path("einrichtungen/", views.FacilityListView.as_view(), name="facility_list"),
    path("einrichtungen/neu/", views.FacilityCreateView.as_view(), name="facility_create"),
    path("einrichtungen/<int:pk>/", views.FacilityDetailView.as_view(), name="facility_detail"),
    path("einrichtungen/<int:pk>/bearbeiten/", views.FacilityUpdateView.as_view(), name="facility_update"),
    path("einrichtungen/<int:pk>/anleitungen/", views.FacilitySupervisorsView.as_view(), name="facility_supervisors"),
    path(SUPERVISORS + "neu/", views.FacilitySupervisorCreateView.as_view(), name="facility_supervisor_create"),
    path(SUPERVISORS + "verknuepfen/", views.FacilitySupervisorLinkView.as_view(), name="facility_supervisor_link"),
    path(SUPERVISORS + "einladen/", views.FacilitySupervisorInviteView.as_view(), name="facility_supervisor_invite"),
    path(SUPERVISORS + "entfernen/", views.FacilitySupervisorUnlinkView.as_view(), name="facility_supervisor_unlink"),
    path("einsaetze/", views.PlacementListView.as_view(), name="placement_list"),
    path("teilnahmen/<int:pk>/einsatz/neu/", views.PlacementCreateView.as_view(), name="placement_create"),
    path("einsaetze/<int:pk>/", views.PlacementDetailView.as_view(), name="placement_detail"),
    path("einsaetze/<int:pk>/bearbeiten/", views.PlacementUpdateView.as_view(), name="placement_update"),
    path(
        "einsaetze/<int:pk>/voraussetzungen/",
        views.PlacementPrerequisitesView.as_view(),
        name="placement_prerequisites",
    ),
    path(PREREQUISITES + "fuehrungszeugnis/", views.ConductCheckView.as_view(), name="conduct_check"),
    path(PREREQUISITES + "masern/", views.MeaslesProofView.as_view(), name="measles_proof"),
    path(PREREQUISITES + "belehrung/", views.InfectionInstructionView.as_view(), name="infection_instruction"),
    path("einsaetze/<int:pk>/starten/", views.PlacementActivateView.as_view(), name="placement_activate"),
    path("einsaetze/<int:pk>/nicht-angetreten/", views.PlacementCancelView.as_view(), name="placement_cancel"),
    path("einsaetze/<int:pk>/stunden/neu/", views.HourEntryCreateView.as_view(), name="hour_entry_create"),
    path("stunden/<int:pk>/korrigieren/", views.HourEntryCorrectView.as_view(), name="hour_entry_correct"),
    path("stunden/<int:pk>/aendern/", views.HourEntryEditView.as_view(), name="hour_entry_edit"),
    path("stunden/<int:pk>/ablehnen/", views.HourEntryRejectView.as_view(), name="hour_entry_reject"),
    path("stunden/<int:pk>/bestaetigen/", views.HourEntryConfirmView.as_view(), name="hour_entry_confirm"),
    path("bestaetigen/", views.PendingEntriesView.as_view(), name="pending_entries"),
]
