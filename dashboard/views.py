"""The dashboard: key figures across the user's cohorts, one cohort's figures, charts as SVG, and the
quarterly report as a prepared download. Read-only; every figure comes from the stored CohortFigures."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from core.views import ObjectPermissionMixin, ServiceFormMixin
from courses.models import Cohort
from courses.services import record_partner_access
from notifications.prepared import download_request

from . import charts, selectors
from .filters import FiguresFilter
from .forms import QuarterlyReportForm
from .models import CohortFigures
from .notifications import QUARTERLY_REPORT


def _record(request, action: str, cohort=None, detail: str = "") -> None:
    """Every page and export a partner opens is kept (§78 SGB X); staff are not recorded."""
    record_partner_access(user=request.user, action=action, cohort=cohort, detail=detail[:300])


class _FilteredFigures:
    """The filter form and the figure rows it selects, read the same way by the page and its charts."""

    def filtered(self):
        if not hasattr(self, "_filtered"):
            user = self.request.user
            figure_filter = FiguresFilter(
                self.request.GET,
                queryset=selectors.figures_of(selectors.report_cohorts(user)),
                choices=selectors.scope_choices(user),
            )
            rows = selectors.remembered_rows_of(figure_filter.qs, user)  # none for a value not of the user's
            by = figure_filter.form.cleaned_data.get("by") if figure_filter.is_valid() else ""
            self._filtered = (figure_filter, rows, by or "year")
        return self._filtered


class OverviewView(ObjectPermissionMixin, _FilteredFigures, TemplateView):
    permission_required = "courses.view_dashboard"
    template_name = "dashboard/overview.html"

    def get_context_data(self, **kwargs):
        figure_filter, rows, by = self.filtered()
        total = selectors.totals(rows)
        groups = selectors.grouped(rows, by)
        page = Paginator(groups, 50).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        chart_query = query.urlencode()
        chart_list = [
            (make(rows, total), reverse("dashboard:chart", args=[key]) + (f"?{chart_query}" if chart_query else ""))
            for key, make in selectors.OVERVIEW_CHARTS.items()
        ]
        _record(self.request, "dashboard")
        return super().get_context_data(
            filter=figure_filter,
            total=total,
            by=by,
            page=page,
            query=chart_query,
            charts=chart_list,
            as_of=min((row.computed_at for row in rows), default=None),
            **kwargs,
        )


def _svg_response(chart) -> HttpResponse:
    response = HttpResponse(charts.svg(chart), content_type="image/svg+xml; charset=utf-8")
    # Opened on its own, the image must not run anything: no scripts, its own styles only.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


class ChartView(ObjectPermissionMixin, _FilteredFigures, TemplateView):
    permission_required = "courses.view_dashboard"

    def get(self, request, key):
        make = selectors.OVERVIEW_CHARTS.get(key)
        if make is None:
            raise Http404
        _, rows, _by = self.filtered()
        return _svg_response(make(rows, selectors.totals(rows)))


class _CohortFiguresMixin(ObjectPermissionMixin):
    permission_required = "courses.view_cohort_figures"
    permission_model = Cohort

    def get_permission_queryset(self):
        return Cohort.objects.select_related("programme", "site", "funding_body")

    def figures(self) -> CohortFigures | None:
        return CohortFigures.objects.filter(cohort=self.get_permission_object()).first()


class CohortView(_CohortFiguresMixin, TemplateView):
    template_name = "dashboard/cohort.html"

    def get_context_data(self, **kwargs):
        cohort = self.get_permission_object()
        figures = self.figures()
        total = selectors.totals([figures] if figures else [])
        chart_list = (
            [
                (make(figures, total), reverse("dashboard:cohort_chart", args=[cohort.pk, key]))
                for key, make in selectors.COHORT_CHARTS.items()
            ]
            if figures
            else []
        )
        names = self.request.user.has_perm("courses.view_names_in_reports", cohort)
        _record(self.request, "cohort figures", cohort=cohort)
        return super().get_context_data(
            cohort=cohort,
            figures=figures,
            total=total,
            charts=chart_list,
            people=selectors.people_of_cohort(cohort, names=names),
            names_shown=names,
            **kwargs,
        )


class CohortChartView(_CohortFiguresMixin, TemplateView):
    def get(self, request, pk, key):
        make = selectors.COHORT_CHARTS.get(key)
        figures = self.figures()
        if make is None or figures is None:
            raise Http404
        return _svg_response(make(figures, selectors.totals([figures])))


class QuarterlyReportView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    """Choose a measure and a quarter; the report is prepared in the background (notifications app)."""

    permission_required = "courses.view_dashboard"
    template_name = "dashboard/report_form.html"
    form_class = QuarterlyReportForm

    def get_form_kwargs(self):
        choices = selectors.scope_choices(self.request.user)
        return {**super().get_form_kwargs(), "measures": choices["measure"], "today": timezone.localdate()}

    def perform(self, form):
        data = form.cleaned_data
        params = {
            "by": self.request.user.pk,
            "measure": data["measure"],
            "year": int(data["year"]),
            "quarter": int(data["quarter"]),
            "format": data["file_format"],
            "language": self.request.LANGUAGE_CODE,
        }
        download = download_request(kind=QUARTERLY_REPORT.kind, params=params, by=self.request.user)
        _record(self.request, "quarterly report", detail=f"{data['measure']} {data['year']} Q{data['quarter']}")
        return download

    def get_success_url(self):
        return reverse("notifications:download_detail", args=[self.result.pk])
