from django.urls import path, register_converter

from . import views


class FormatConverter:
    regex = "csv|xlsx"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FormatConverter, "sheetformat")

app_name = "spreadsheets"

urlpatterns = [
    path("importe/", views.ImportListView.as_view(), name="import_list"),
    path("importe/<int:pk>/", views.ImportDetailView.as_view(), name="import_detail"),
    path("importe/<int:pk>/bestaetigen/", views.ImportConfirmView.as_view(), name="import_confirm"),
    path("importe/<int:pk>/verwerfen/", views.ImportDiscardView.as_view(), name="import_discard"),
    path("kohorten/<int:pk>/import/", views.ImportUploadView.as_view(), name="import_upload"),
    path("vorlage.<sheetformat:file_format>", views.TemplateDownloadView.as_view(), name="template"),
    path(
        "kohorten/<int:pk>/teilnehmende.<sheetformat:file_format>",
        views.CohortExportView.as_view(kind="roster"),
        name="export_roster",
    ),
    path(
        "kohorten/<int:pk>/anwesenheit.<sheetformat:file_format>",
        views.CohortExportView.as_view(kind="attendance"),
        name="export_attendance",
    ),
    path(
        "kohorten/<int:pk>/praxisstunden.<sheetformat:file_format>",
        views.CohortExportView.as_view(kind="hours"),
        name="export_hours",
    ),
    path(
        "kohorten/<int:pk>/zertifikate.<sheetformat:file_format>",
        views.CohortExportView.as_view(kind="certificates"),
        name="export_certificates",
    ),
]
