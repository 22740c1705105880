from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from certificates.models import DocumentKind
from core.exceptions import DomainError
from core.views import DetailPermissionMixin, ObjectPermissionMixin, flash_domain_error
from courses.models import Cohort

from . import calendars, links, prepared, selectors, services
from .models import CalendarFeed, DownloadStatus, Notification, PreparedDownload


def _no_store(response):
    patch_cache_control(response, no_store=True, private=True)
    return response


class InboxView(ObjectPermissionMixin, ListView):
    permission_required = "notifications.view_inbox"
    template_name = "notifications/inbox.html"
    context_object_name = "notifications"
    paginate_by = 25

    def get_queryset(self):
        return selectors.notifications_of_user(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(emails_enabled=services.emails_enabled(self.request.user), **kwargs)

    def render_to_response(self, context, **kwargs):
        return _no_store(super().render_to_response(context, **kwargs))


class MarkReadView(ObjectPermissionMixin, View):
    """POST: mark one notification read and open its link (only a link inside this site)."""

    permission_required = "notifications.read_notification"
    permission_model = Notification

    def post(self, request, pk):
        notification = self.get_permission_object()
        services.notification_mark_read(notification=notification, by=request.user)
        link = notification.link
        if link and url_has_allowed_host_and_scheme(link, allowed_hosts={request.get_host()}):
            return redirect(link)
        return redirect("notifications:inbox")


class MarkAllReadView(ObjectPermissionMixin, View):
    permission_required = "notifications.view_inbox"

    def post(self, request):
        services.notifications_mark_all_read(by=request.user)
        return redirect("notifications:inbox")


class PreferencesView(ObjectPermissionMixin, View):
    permission_required = "notifications.change_email_preference"

    def post(self, request):
        enabled = request.POST.get("emails") == "on"
        services.email_preference_set(user=request.user, emails_enabled=enabled)
        if enabled:
            messages.success(request, _("You will get notifications by e-mail too."))
        else:
            messages.success(request, _("You will get no more e-mails; notifications stay here."))
        return redirect("notifications:inbox")


# --- The supervisor's signed link (no log-in) -------------------------------------------------------------


class SupervisorLinkView(TemplateView):
    """The waiting entries of one placement, confirmed or rejected from the e-mail without logging in."""

    template_name = "notifications/supervisor_link.html"

    def dispatch(self, request, *args, **kwargs):
        self.invalid = ""
        try:
            self.scope = links.read_token(kwargs["token"])
        except signing.SignatureExpired:
            self.invalid = _("This link has expired. Please log in to confirm the hours.")
        except signing.BadSignature:
            self.invalid = _("This link is not valid. Please log in to confirm the hours.")
        else:
            self.supervisor, self.placement, self.entries = selectors.supervisor_link_scope(self.scope)
            if self.supervisor is None:
                self.invalid = _("This link no longer works. Please log in to confirm the hours.")
            elif not self.entries:
                self.invalid = _("All entries of this link have been decided. Thank you!")
        return super().dispatch(request, *args, **kwargs)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, status=410 if self.invalid else 200, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        # The token must not leave in a Referer header to other sites; "no-referrer" would also blank the
        # Origin of the page's own forms, which CSRF protection then refuses.
        response["Referrer-Policy"] = "same-origin"
        return _no_store(response)

    def get_context_data(self, **kwargs):
        if self.invalid:
            return super().get_context_data(invalid=self.invalid, login_url=settings.LOGIN_URL, **kwargs)
        return super().get_context_data(
            supervisor=self.supervisor, placement=self.placement, entries=self.entries, **kwargs
        )

    def post(self, request, *args, **kwargs):
        from placements import services as placement_services

        if self.invalid:
            return self.get(request, *args, **kwargs)
        entry = next((e for e in self.entries if str(e.pk) == request.POST.get("entry", "")), None)
        if entry is None:
            messages.error(request, _("This entry is not part of this link or was already decided."))
            return redirect(request.path)
        try:
            with transaction.atomic():
                if request.POST.get("decision") == "reject":
                    placement_services.hours_reject(
                        entry=entry, reason=request.POST.get("reason", ""), by=self.supervisor, via_link=True
                    )
                    messages.success(request, _("The entry was rejected."))
                else:
                    placement_services.hours_confirm(entry=entry, by=self.supervisor, via_link=True)
                    messages.success(request, _("The entry was confirmed."))
        except DomainError as error:
            flash_domain_error(request, error)
        return redirect(request.path)


# --- Calendars -----------------------------------------------------------------------------------------


class FeedView(View):
    """The feed itself, at its secret address (calendar programs cannot log in)."""

    def get(self, request, token):
        feed = (
            CalendarFeed.objects.select_related("cohort__programme", "cohort__site", "participant")
            .filter(token=token)
            .first()
        )
        if feed is None:
            raise Http404
        data = (
            calendars.cohort_calendar(feed.cohort)
            if feed.cohort_id
            else calendars.participant_calendar(feed.participant)
        )
        response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(False, "kalender.ics")
        response["X-Robots-Tag"] = "noindex"
        return _no_store(response)


class CohortCalendarView(ObjectPermissionMixin, TemplateView):
    permission_required = "notifications.view_cohort_calendar"
    permission_model = Cohort
    template_name = "notifications/calendar.html"

    def get_context_data(self, **kwargs):
        cohort = self.get_permission_object()
        feed = calendars.feed_for(cohort=cohort)
        return super().get_context_data(
            cohort=cohort, feed_url=settings.SITE_URL + reverse("notifications:feed", args=[feed.token]), **kwargs
        )

    def post(self, request, pk):
        calendars.feed_for(cohort=self.get_permission_object(), renew=True)
        messages.success(request, _("The calendar has a new address; the old one no longer works."))
        return redirect("notifications:cohort_calendar", pk=pk)

    def render_to_response(self, context, **kwargs):
        return _no_store(super().render_to_response(context, **kwargs))


class OwnCalendarView(ObjectPermissionMixin, TemplateView):
    permission_required = "notifications.view_own_calendar"
    template_name = "notifications/calendar.html"

    def get_context_data(self, **kwargs):
        feed = calendars.feed_for(participant=self.request.user.participant)
        return super().get_context_data(
            feed_url=settings.SITE_URL + reverse("notifications:feed", args=[feed.token]), **kwargs
        )

    def post(self, request):
        calendars.feed_for(participant=request.user.participant, renew=True)
        messages.success(request, _("The calendar has a new address; the old one no longer works."))
        return redirect("notifications:own_calendar")

    def render_to_response(self, context, **kwargs):
        return _no_store(super().render_to_response(context, **kwargs))


# --- Prepared downloads --------------------------------------------------------------------------------


class DownloadListView(ObjectPermissionMixin, ListView):
    permission_required = "notifications.view_prepared_download_list"
    template_name = "notifications/download_list.html"
    context_object_name = "downloads"

    def get_queryset(self):
        return selectors.downloads_of_user(self.request.user)


class RequestCohortZipView(ObjectPermissionMixin, View):
    permission_required = "certificates.download_cohort_certificates"
    permission_model = Cohort
    document_kind = DocumentKind.CERTIFICATE

    def post(self, request, pk):
        cohort = self.get_permission_object()
        try:
            download = prepared.download_request(
                kind=prepared.COHORT_CERTIFICATES_ZIP.kind,
                params={"cohort": cohort.pk, "language": request.LANGUAGE_CODE, "kind": self.document_kind},
                by=request.user,
            )
        except DomainError as error:
            flash_domain_error(request, error)
            return redirect("courses:cohort_detail", pk=cohort.pk)
        return redirect("notifications:download_detail", pk=download.pk)


class RequestCohortAttendanceZipView(RequestCohortZipView):
    document_kind = DocumentKind.ATTENDANCE


class DownloadDetailView(DetailPermissionMixin, DetailView):
    """Progress while the file is prepared (the page polls itself with htmx), then the link."""

    permission_required = "notifications.view_prepared_download"
    model = PreparedDownload
    context_object_name = "download"

    def get_queryset(self):
        return PreparedDownload.objects.defer("data")

    def get_template_names(self):
        if self.request.htmx:
            return ["notifications/_download_status.html"]
        return ["notifications/download_detail.html"]

    def render_to_response(self, context, **kwargs):
        return _no_store(super().render_to_response(context, **kwargs))


class DownloadFileView(ObjectPermissionMixin, View):
    permission_required = "notifications.view_prepared_download"
    permission_model = PreparedDownload

    def get(self, request, pk):
        download = self.get_permission_object()
        if download.status != DownloadStatus.READY:
            raise Http404
        response = HttpResponse(bytes(download.data), content_type=download.content_type)
        response["Content-Disposition"] = content_disposition_header(True, download.file_name)
        return _no_store(response)
