from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="index"),
    path("diagramm/<slug:key>.svg", views.ChartView.as_view(), name="chart"),
    path("kurs/<int:pk>/", views.CohortView.as_view(), name="cohort"),
    path("kurs/<int:pk>/diagramm/<slug:key>.svg", views.CohortChartView.as_view(), name="cohort_chart"),
    path("quartalsbericht/", views.QuarterlyReportView.as_view(), name="quarterly_report"),
]
