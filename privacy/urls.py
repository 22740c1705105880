from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("ihre-daten/", views.MyDataView.as_view(), name="my_data"),
    path("ihre-daten/auskunft/", views.MyExportView.as_view(), name="my_export"),
    path("teilnehmende/<int:pk>/auskunft/", views.ParticipantExportView.as_view(), name="participant_export"),
    path("teilnehmende/<int:pk>/loeschen/", views.ParticipantEraseView.as_view(), name="participant_erase"),
]
