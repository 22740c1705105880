"""Pages of the teaching part: sessions, the register, the attendance matrix, a participant's attendance,
the monthly absence report, the drop-out notice and the signature sheet. Thin: forms read, services write,
selectors and ``courses.reports`` read, ``courses.report_pdf`` prints."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from django_tables2 import RequestConfig

from core.exceptions import DomainError
from core.filenames import safe_download_name, set_download_name
from core.spreadsheet_safety import spreadsheet_file
from core.views import ObjectPermissionMixin, ServiceFormMixin, flash_domain_error

from . import reports, selectors, services
from .attendance_forms import RegisterForm, ReportMonthForm, SessionForm, SessionSeriesForm
from .attendance_tables import (
    AbsenceReportTable,
    CorrectionTable,
    EnrolmentAttendanceTable,
    SessionTable,
    matrix_table,
)
from .models import LATENESS_TOLERANCE_MINUTES, EnrolmentStatus, Module
from .report_pdf import render_absence_report, render_attendance_sheet, render_dropout_notice
from .view_mixins import CohortObjectMixin, EnrolmentObjectMixin


def _pdf(content: bytes, filename: str, *, inline=True) -> HttpResponse:
    return set_download_name(HttpResponse(content, content_type="application/pdf"), filename, attachment=not inline)


class SessionObjectMixin(ObjectPermissionMixin):
    def get_permission_queryset(self):
        return selectors.sessions_with_cohort()

    @property
    def session(self):
        return self.get_permission_object()


# --- Sessions --------------------------------------------------------------------------------------------


class SessionListView(CohortObjectMixin, TemplateView):
    permission_required = "courses.view_sessions"
    template_name = "courses/attendance/session_list.html"

    def get_context_data(self, **kwargs):
        sessions = selectors.sessions_of_cohort(self.cohort)
        modules = list(Module.objects.filter(programme_id=self.cohort.programme_id).order_by("position"))
        module_id = self.request.GET.get("module", "")
        if module_id.isdigit():
            sessions = sessions.filter(module_id=int(module_id))
        table = SessionTable(sessions, request=self.request)
        RequestConfig(self.request, paginate={"per_page": 50}).configure(table)
        return super().get_context_data(
            cohort=self.cohort,
            table=table,
            modules=modules,
            module_id=module_id,
            today=timezone.localdate(),
            **kwargs,
        )


class SessionCreateView(CohortObjectMixin, ServiceFormMixin, FormView):
    permission_required = "courses.manage_sessions"
    template_name = "courses/attendance/session_form.html"
    form_class = SessionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cohort": self.cohort}

    def get_context_data(self, **kwargs):
        return super().get_context_data(cohort=self.cohort, **kwargs)

    def perform(self, form):
        services.session_create(cohort=self.cohort, by=self.request.user, **form.cleaned_data)

    success_message = gettext_lazy("The session was planned.")

    def get_success_url(self):
        return reverse("courses:session_list", args=[self.cohort.pk])


class SessionSeriesView(CohortObjectMixin, ServiceFormMixin, FormView):
    permission_required = "courses.manage_sessions"
    template_name = "courses/attendance/session_series_form.html"
    form_class = SessionSeriesForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cohort": self.cohort}

    def get_context_data(self, **kwargs):
        return super().get_context_data(cohort=self.cohort, **kwargs)

    def perform(self, form):
        return services.sessions_generate_weekly(cohort=self.cohort, by=self.request.user, **form.cleaned_data)

    def get_success_message(self):
        return _("%(count)d sessions were planned.") % {"count": len(self.result.created)}

    def success_response(self, form):
        result = self.result
        if result.skipped_holidays:
            days = ", ".join(f"{day:%d.%m.%Y} ({name})" for day, name in result.skipped_holidays)
            messages.info(self.request, _("Public holidays skipped: %(days)s.") % {"days": days})
        if result.skipped_outside:
            messages.info(
                self.request,
                _("%(count)d days outside the cohort's dates were skipped.") % {"count": len(result.skipped_outside)},
            )
        return redirect("courses:session_list", pk=self.cohort.pk)


class SessionUpdateView(SessionObjectMixin, ServiceFormMixin, FormView):
    permission_required = "courses.manage_sessions"
    template_name = "courses/attendance/session_form.html"
    form_class = SessionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cohort": self.session.cohort, "instance": self.session}

    def get_context_data(self, **kwargs):
        return super().get_context_data(cohort=self.session.cohort, session=self.session, **kwargs)

    def perform(self, form):
        services.session_update(session=self.session, by=self.request.user, **form.cleaned_data)

    success_message = gettext_lazy("The session was saved.")

    def get_success_url(self):
        return reverse("courses:session_list", args=[self.session.cohort_id])


class SessionDeleteView(SessionObjectMixin, TemplateView):
    permission_required = "courses.manage_sessions"
    template_name = "courses/attendance/session_confirm_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(cohort=self.session.cohort, session=self.session, **kwargs)

    def post(self, request, *args, **kwargs):
        cohort_id = self.session.cohort_id
        try:
            services.session_delete(session=self.session, by=request.user)
        except DomainError as error:
            flash_domain_error(request, error)
        else:
            messages.success(request, _("The session was deleted."))
        return redirect("courses:session_list", pk=cohort_id)


# --- Register --------------------------------------------------------------------------------------------


class RegisterView(SessionObjectMixin, ServiceFormMixin, FormView):
    """The whole roster of one session, saved with one submit."""

    permission_required = "courses.take_attendance"
    template_name = "courses/attendance/register.html"
    form_class = RegisterForm

    @cached_property
    def rows(self):
        return selectors.session_register(self.session)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "session": self.session, "rows": self.rows}

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        corrections = CorrectionTable(selectors.corrections_of_session(self.session), request=self.request)
        return super().get_context_data(
            cohort=self.session.cohort,
            session=self.session,
            is_future=self.session.date > today,
            is_correction=self.session.date < today and any(record for _e, record in self.rows),
            corrections=corrections,
            tolerance=LATENESS_TOLERANCE_MINUTES,
            **kwargs,
        )

    def perform(self, form):
        return services.attendance_record(session=self.session, entries=form.entries(), by=self.request.user)

    def get_success_message(self):
        text = _("The register was saved.")
        if self.result.corrections:
            text += " " + _("%(count)d corrections were recorded with your name.") % {"count": self.result.corrections}
        return text

    def get_success_url(self):
        return reverse("courses:register", args=[self.session.pk])


class AttendanceSheetView(SessionObjectMixin, View):
    permission_required = "courses.take_attendance"

    def get(self, request, *args, **kwargs):
        sheet = reports.attendance_sheet(self.session)
        content = render_attendance_sheet(sheet, created_on=timezone.localdate())
        return _pdf(content, f"anwesenheitsliste-{self.session.date:%Y-%m-%d}.pdf")


# --- Progress --------------------------------------------------------------------------------------------


class MatrixView(CohortObjectMixin, TemplateView):
    """Participants × modules with progress bars: who is at risk of missing the certificate."""

    permission_required = "courses.view_attendance_matrix"
    template_name = "courses/attendance/matrix.html"

    def get_context_data(self, **kwargs):
        modules = list(
            Module.objects.filter(programme_id=self.cohort.programme_id)
            .select_related("programme")
            .order_by("position")
        )
        progress = selectors.attendance_progress_of_cohort(self.cohort)
        rows = []
        for enrolment in selectors.attendance_matrix_roster(self.cohort):
            items = progress.get(enrolment.pk, [])
            rows.append(
                {
                    "enrolment": enrolment,
                    "progress": items,
                    "at_risk": any(p.state in ("at_risk", "missed") for p in items),
                    "withdrawn": enrolment.status == EnrolmentStatus.WITHDRAWN,
                }
            )
        table = matrix_table(rows, modules, request=self.request)
        at_risk = sum(1 for r in rows if r["at_risk"] and not r["withdrawn"])
        return super().get_context_data(cohort=self.cohort, table=table, at_risk=at_risk, modules=modules, **kwargs)


class EnrolmentAttendanceView(EnrolmentObjectMixin, TemplateView):
    """One participant's progress and every recorded session; the participant sees only their own."""

    permission_required = "courses.view_attendance"
    template_name = "courses/attendance/enrolment_attendance.html"

    def get_context_data(self, **kwargs):
        table = EnrolmentAttendanceTable(selectors.attendance_of_enrolment(self.enrolment), request=self.request)
        # The participant reads each session's attendance in words; staff keep the Jobcenter codes.
        table.plain = not self.request.user.has_perm("courses.view_attendance_matrix", self.enrolment.cohort)
        RequestConfig(self.request, paginate={"per_page": 50}).configure(table)
        return super().get_context_data(
            enrolment=self.enrolment,
            cohort=self.enrolment.cohort,
            progress=selectors.attendance_progress_of_enrolment(self.enrolment),
            table=table,
            **kwargs,
        )


# --- Reports for the funding body -------------------------------------------------------------------------


class AbsenceReportView(CohortObjectMixin, TemplateView):
    permission_required = "courses.view_absence_report"
    template_name = "courses/attendance/absence_report.html"

    def get_context_data(self, **kwargs):
        months = reports.report_months(self.cohort)
        form = ReportMonthForm(self.request.GET or None, months=months)
        chosen = form.year_month() or (months[0] if months else None)
        context = {"cohort": self.cohort, "form": form, "months": months}
        if chosen:
            report = reports.absence_report(self.cohort, *chosen)
            context.update(
                report=report,
                table=AbsenceReportTable(report.rows, request=self.request),
                selected_month=f"{chosen[0]}-{chosen[1]:02d}",
            )
        context["withdrawn"] = [
            e for e in selectors.cohort_roster(self.cohort) if e.status == EnrolmentStatus.WITHDRAWN
        ]
        return super().get_context_data(**context, **kwargs)


class AbsenceReportDownloadView(CohortObjectMixin, View):
    permission_required = "courses.view_absence_report"
    FORMATS = {
        "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv": "text/csv; charset=utf-8",
    }

    def get(self, request, *args, year, month, fmt, **kwargs):
        if fmt not in self.FORMATS or not 1 <= month <= 12 or (year, month) not in reports.report_months(self.cohort):
            raise Http404
        report = reports.absence_report(self.cohort, year, month)
        filename = safe_download_name("fehlzeiten", self.cohort.number, f"{year}-{month:02d}", extension=fmt)
        if fmt == "pdf":
            return _pdf(render_absence_report(report), filename, inline=False)
        # Through the formula neutraliser like every spreadsheet we write; comma-separated as before.
        content = spreadsheet_file(reports.absence_report_dataset(report), fmt, delimiter=",")
        return set_download_name(HttpResponse(content, content_type=self.FORMATS[fmt]), filename)


class DropoutNoticeView(EnrolmentObjectMixin, View):
    permission_required = "courses.view_absence_report"

    def get(self, request, *args, **kwargs):
        if self.enrolment.status != EnrolmentStatus.WITHDRAWN:
            raise Http404
        notice = reports.dropout_notice(self.enrolment)
        return _pdf(render_dropout_notice(notice), f"austrittsmeldung-{self.enrolment.pk}.pdf")
