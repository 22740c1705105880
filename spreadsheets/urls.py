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
    path("kohorten/<int:pk>/import/", views.ImportUploadView.as_view(), name="import_upload"),
    path("vorlage.<sheetformat:file_format>", views.TemplateDownloadView.as_view(), name="template"),
    path(
        "kohorten/<int:pk>/teilnehmende.<sheetformat:file_format>",
        views.RosterExportView.as_view(),
        name="export_roster",
    ),
]
