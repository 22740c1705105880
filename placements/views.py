"""Thin views: each checks one permission, hands the form's data to a service and shows its DomainError."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView
from django_tables2 import RequestConfig, SingleTableMixin

from accounts.forms import InvitationForm
from accounts.selectors import open_invitations_prefetched
from accounts.views import deliver_invitation
from core.exceptions import DomainError
from core.tables import KeysFirstData
from core.views import ObjectPermissionMixin, PageFormMixin, ServiceFormMixin, apply_domain_error, flash_domain_error
from courses import selectors as course_selectors
from courses.models import Enrolment

from . import notifications, pending_page, selectors, services
from .filters import PlacementFilter
from .forms import (
    CancelForm,
    ConductCheckForm,
    FacilityForm,
    HourCorrectionForm,
    HourEntryForm,
    InfectionInstructionForm,
    MeaslesProofForm,
    PlacementForm,
    RejectForm,
    SupervisorCreateForm,
    SupervisorLinkForm,
)
from .models import Facility, HourEntry, Placement
from .prerequisites import missing_prerequisites, needs_measles_proof
from .tables import FacilityTable, HourEntryTable, PlacementTable

# --- Facilities ------------------------------------------------------------------------------------------


class FacilityListView(ObjectPermissionMixin, SingleTableMixin, TemplateView):
    permission_required = "placements.view_facility_list"
    table_class = FacilityTable
    template_name = "placements/facility_list.html"
    table_pagination = {"per_page": 25}

    def get_table_data(self):
        return selectors.facilities_visible_to(self.request.user).prefetch_related("supervisors")


class FacilityFormMixin(ServiceFormMixin):
    form_class = FacilityForm
    template_name = "placements/facility_form.html"

    def get_success_url(self):
        return reverse("placements:facility_detail", args=[self.result.pk])


class FacilityCreateView(ObjectPermissionMixin, FacilityFormMixin, FormView):
    permission_required = "placements.add_facility"

    def perform(self, form):
        organisation = course_selectors.organisations_visible_to(self.request.user).first()
        if organisation is None:
            raise DomainError(_("Your login does not belong to an organisation."))
        return services.facility_create(organisation=organisation, by=self.request.user, **form.cleaned_data)

    success_message = gettext_lazy("The facility was created.")


class FacilityDetailView(ObjectPermissionMixin, TemplateView):
    permission_required = "placements.view_facility"
    permission_model = Facility
    template_name = "placements/facility_detail.html"

    def get_context_data(self, **kwargs):
        facility = self.get_permission_object()
        placements = selectors.with_minutes(
            selectors.placements_visible_to(self.request.user).filter(facility=facility)
        ).order_by("-start_date")
        table = PlacementTable(KeysFirstData(placements), request=self.request, exclude=("facility",))
        RequestConfig(self.request, paginate={"per_page": 25}).configure(table)
        return super().get_context_data(
            facility=facility, supervisors=facility.supervisors.order_by("last_name"), table=table, **kwargs
        )


class FacilityUpdateView(ObjectPermissionMixin, FacilityFormMixin, FormView):
    permission_required = "placements.change_facility"
    permission_model = Facility

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_permission_object()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(facility=self.get_permission_object(), **kwargs)

    def perform(self, form):
        return services.facility_update(
            facility=self.get_permission_object(), by=self.request.user, **form.cleaned_data
        )

    success_message = gettext_lazy("The facility was saved.")


class FacilitySupervisorsView(ObjectPermissionMixin, TemplateView):
    """The facility's supervisors; each of the page's forms (create a login, link an existing one, invite, remove)
    posts to its own view below."""

    permission_required = "placements.change_facility"
    permission_model = Facility
    template_name = "placements/facility_supervisors.html"
    http_method_names = ["get", "head", "options"]

    @property
    def facility(self) -> Facility:
        return self.get_permission_object()

    def get_context_data(self, **kwargs):
        kwargs.setdefault("new_form", SupervisorCreateForm(prefix="new"))
        kwargs.setdefault(
            "link_form", SupervisorLinkForm(prefix="link", facility=self.facility, staff_user=self.request.user)
        )
        return super().get_context_data(
            facility=self.facility,
            supervisors=open_invitations_prefetched(self.facility.supervisors.order_by("last_name")),
            **kwargs,
        )

    def get_success_url(self):
        return reverse("placements:facility_supervisors", args=[self.facility.pk])


class FacilitySupervisorLinkView(PageFormMixin, ServiceFormMixin, FacilitySupervisorsView, FormView):
    form_class = SupervisorLinkForm
    prefix = "link"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "facility": self.facility, "staff_user": self.request.user}

    def perform(self, form):
        services.supervisor_link(facility=self.facility, user=form.cleaned_data["user"], by=self.request.user)

    success_message = gettext_lazy("The supervisor was linked.")


class FacilitySupervisorCreateView(PageFormMixin, ServiceFormMixin, FacilitySupervisorsView, FormView):
    form_class = SupervisorCreateForm
    prefix = "new"

    def perform(self, form):
        fields = dict(form.cleaned_data)
        delivery = fields.pop("delivery")
        # One transaction: a login nobody was invited to is never left behind.
        with transaction.atomic():
            user = services.supervisor_create(facility=self.facility, by=self.request.user, **fields)
            return services.supervisor_invite(
                facility=self.facility, user=user, by=self.request.user, delivery=delivery
            )

    success_message = gettext_lazy("The supervisor login was created.")

    def success_response(self, form):
        invitation, secret = self.result
        return deliver_invitation(self.request, invitation, secret) or super().success_response(form)


class _SupervisorActionView(FacilitySupervisorsView):
    """A button beside one supervisor of the facility (``user`` posted); a refusal is shown as a message."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        user = get_object_or_404(self.facility.supervisors.all(), pk=request.POST.get("user"))
        try:
            return self.act(user)
        except DomainError as error:
            flash_domain_error(request, error)
            return HttpResponseRedirect(self.get_success_url())

    def act(self, user):
        raise NotImplementedError


class FacilitySupervisorInviteView(_SupervisorActionView):
    def act(self, user):
        form = InvitationForm(self.request.POST, has_email=bool(user.email))
        if not form.is_valid():
            messages.error(self.request, _("Please choose how the invitation reaches the person."))
            return HttpResponseRedirect(self.get_success_url())
        invitation, secret = services.supervisor_invite(
            facility=self.facility, user=user, by=self.request.user, delivery=form.cleaned_data["delivery"]
        )
        return deliver_invitation(self.request, invitation, secret) or HttpResponseRedirect(self.get_success_url())


class FacilitySupervisorUnlinkView(_SupervisorActionView):
    def act(self, user):
        services.supervisor_unlink(facility=self.facility, user=user, by=self.request.user)
        messages.success(self.request, _("%(name)s no longer supervises here.") % {"name": user})
        return HttpResponseRedirect(self.get_success_url())


# --- Placements ------------------------------------------------------------------------------------------


class PlacementListView(ObjectPermissionMixin, SingleTableMixin, FilterView):
    permission_required = "placements.view_placement_list"
    table_class = PlacementTable
    filterset_class = PlacementFilter
    template_name = "placements/placement_list.html"
    # Paged by the table only: ListView's paginate_by would count the placements a second time.
    table_pagination = {"per_page": 25}

    def get_queryset(self):
        return selectors.with_minutes(selectors.placements_visible_to(self.request.user)).order_by("-start_date", "id")

    def get_table_data(self):
        return KeysFirstData(super().get_table_data())

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["cohort_choices"] = course_selectors.cohort_choices_visible_to(self.request.user)
        kwargs["facility_choices"] = selectors.facility_choices_visible_to(self.request.user)
        return kwargs


class PlacementCreateView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    permission_required = "placements.add_placement"
    template_name = "placements/placement_form.html"
    form_class = PlacementForm

    def get_permission_queryset(self):
        return Enrolment.objects.select_related("cohort__programme", "cohort__site", "participant")

    def get_form_kwargs(self):
        enrolment = self.get_permission_object()
        facilities = selectors.facilities_visible_to(self.request.user).filter(
            organisation_id=enrolment.cohort.site.organisation_id,
            facility_type__in=enrolment.cohort.programme.allowed_facility_types,
        )
        return {
            **super().get_form_kwargs(),
            "facilities": facilities,
            "facility": self.request.GET.get("facility"),
            "url": self.request.path,
        }

    def get_initial(self):
        enrolment = self.get_permission_object()
        return {"planned_hours": enrolment.cohort.programme.required_placement_hours}

    def get_context_data(self, **kwargs):
        return super().get_context_data(enrolment=self.get_permission_object(), **kwargs)

    def perform(self, form):
        return services.placement_create(
            enrolment=self.get_permission_object(), by=self.request.user, **form.cleaned_data
        )

    success_message = gettext_lazy("The placement was created. Record the prerequisites before it starts.")

    def get_success_url(self):
        return reverse("placements:placement_prerequisites", args=[self.result.pk])


class PlacementMixin(ObjectPermissionMixin):
    def get_permission_queryset(self):
        return selectors.placements_to_show()

    @property
    def placement(self) -> Placement:
        return self.get_permission_object()

    def get_context_data(self, **kwargs):
        return super().get_context_data(placement=self.placement, **kwargs)


class PlacementDetailView(PlacementMixin, TemplateView):
    permission_required = "placements.view_placement"
    template_name = "placements/placement_detail.html"

    def get_context_data(self, **kwargs):
        placement = self.placement
        user = self.request.user
        table = HourEntryTable(selectors.hour_entries_of_placement(placement), request=self.request)
        RequestConfig(self.request, paginate={"per_page": 50}).configure(table)
        context = {
            "table": table,
            "missing": missing_prerequisites(placement),
            "required_minutes": placement.enrolment.cohort.programme.required_placement_minutes,
            "can_change": user.has_perm("placements.change_placement", placement),
            "can_log": user.has_perm("placements.log_hours", placement),
        }
        if context["can_change"]:
            context["history"] = selectors.entry_history(placement)[:100]
        return super().get_context_data(**context, **kwargs)


class PlacementUpdateView(PlacementMixin, ServiceFormMixin, FormView):
    permission_required = "placements.change_placement"
    template_name = "placements/placement_form.html"
    form_class = PlacementForm

    def get_form_kwargs(self):
        cohort = self.placement.enrolment.cohort
        facilities = selectors.facilities_visible_to(self.request.user).filter(
            organisation_id=cohort.site.organisation_id, facility_type__in=cohort.programme.allowed_facility_types
        )
        return {
            **super().get_form_kwargs(),
            "facilities": facilities,
            "facility": self.request.GET.get("facility"),
            "url": self.request.path,
        }

    def get_initial(self):
        p = self.placement
        return {
            "facility": p.facility,
            "supervisor": p.supervisor,
            "start_date": p.start_date,
            "end_date": p.end_date,
            "planned_hours": p.planned_hours,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(enrolment=self.placement.enrolment, **kwargs)

    def perform(self, form):
        services.placement_update(placement=self.placement, by=self.request.user, **form.cleaned_data)

    success_message = gettext_lazy("The placement was saved.")

    def get_success_url(self):
        return reverse("placements:placement_detail", args=[self.placement.pk])


class PlacementPrerequisitesView(PlacementMixin, TemplateView):
    """The three checks before the start, each its own small form posting to its own view below; the page lists
    what is still missing."""

    permission_required = "placements.change_placement"
    template_name = "placements/placement_prerequisites.html"
    http_method_names = ["get", "head", "options"]

    def get_context_data(self, **kwargs):
        kwargs.setdefault("conduct_form", ConductCheckForm(prefix="conduct"))
        kwargs.setdefault("measles_form", MeaslesProofForm(prefix="measles"))
        kwargs.setdefault("infection_form", InfectionInstructionForm(prefix="infection"))
        placement = self.placement
        return super().get_context_data(
            missing=missing_prerequisites(placement),
            needs_measles=needs_measles_proof(placement.enrolment.participant.date_of_birth),
            conduct=getattr(placement, "conduct_check", None) if _has_check(placement) else None,
            **kwargs,
        )

    success_message = gettext_lazy("Recorded.")

    def get_success_url(self):
        return reverse("placements:placement_prerequisites", args=[self.placement.pk])


class ConductCheckView(PageFormMixin, ServiceFormMixin, PlacementPrerequisitesView, FormView):
    form_class = ConductCheckForm
    prefix = "conduct"

    def perform(self, form):
        services.conduct_check_record(placement=self.placement, by=self.request.user, **form.cleaned_data)


class MeaslesProofView(PageFormMixin, ServiceFormMixin, PlacementPrerequisitesView, FormView):
    form_class = MeaslesProofForm
    prefix = "measles"

    def perform(self, form):
        services.measles_proof_record(placement=self.placement, by=self.request.user)


class InfectionInstructionView(PageFormMixin, ServiceFormMixin, PlacementPrerequisitesView, FormView):
    form_class = InfectionInstructionForm
    prefix = "infection"

    def perform(self, form):
        services.infection_instruction_record(placement=self.placement, by=self.request.user, **form.cleaned_data)


def _has_check(placement) -> bool:
    from .models import ConductCertificateCheck

    try:
        placement.conduct_check  # noqa: B018
    except ConductCertificateCheck.DoesNotExist:
        return False
    return True


class PlacementActivateView(PlacementMixin, TemplateView):
    """POST starts the placement; a GET only leads back to the placement page."""

    permission_required = "placements.change_placement"

    def get(self, request, *args, **kwargs):
        return redirect("placements:placement_detail", pk=self.placement.pk)

    def post(self, request, *args, **kwargs):
        try:
            services.placement_activate(placement=self.placement, by=request.user)
        except DomainError as error:
            flash_domain_error(request, error)
        else:
            messages.success(request, _("The placement has started; hours can now be recorded."))
        return redirect("placements:placement_detail", pk=self.placement.pk)


class PlacementCancelView(PlacementMixin, ServiceFormMixin, FormView):
    permission_required = "placements.change_placement"
    template_name = "placements/placement_cancel.html"
    form_class = CancelForm

    def perform(self, form):
        services.placement_cancel(placement=self.placement, by=self.request.user, **form.cleaned_data)

    success_message = gettext_lazy("Recorded as not started; the certificate-of-conduct data was deleted.")

    def get_success_url(self):
        return reverse("placements:placement_detail", args=[self.placement.pk])


# --- Hours -----------------------------------------------------------------------------------------------


class HourEntryCreateView(PlacementMixin, ServiceFormMixin, FormView):
    permission_required = "placements.log_hours"
    template_name = "placements/hour_entry_form.html"
    form_class = HourEntryForm

    def get_initial(self):
        from django.utils import timezone

        today = timezone.localdate()
        return {"date": today if self.placement.contains(today) else None, "break_minutes": 0}

    def perform(self, form):
        services.hours_log(placement=self.placement, by=self.request.user, **form.cleaned_data)

    success_message = gettext_lazy("The hours were recorded and wait for the supervisor's confirmation.")

    def get_success_url(self):
        page = "placements:hour_entry_create" if "another" in self.request.POST else "placements:placement_detail"
        return reverse(page, args=[self.placement.pk])


def pending_entries_url(request) -> str:
    """The pending entries at the page the supervisor came from (``?page=N``), so that confirming or rejecting
    does not send them back to the first page. Only a number is taken over from the request."""
    url = reverse("placements:pending_entries")
    page = request.GET.get("page", "")
    return f"{url}?page={int(page)}" if page.isdecimal() and len(page) < 10 and int(page) > 1 else url


class EntryMixin(ObjectPermissionMixin):
    def get_permission_queryset(self):
        return HourEntry.objects.select_related(
            "placement__facility", "placement__enrolment__participant", "placement__enrolment__cohort"
        )

    @property
    def entry(self) -> HourEntry:
        return self.get_permission_object()

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.entry, placement=self.entry.placement, **kwargs)

    def get_success_url(self):
        return reverse("placements:placement_detail", args=[self.entry.placement_id])


class HourEntryCorrectView(EntryMixin, ServiceFormMixin, FormView):
    permission_required = "placements.correct_hourentry"
    template_name = "placements/hour_entry_correct.html"
    form_class = HourCorrectionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.entry}

    def perform(self, form):
        services.hours_correct(entry=self.entry, by=self.request.user, **form.cleaned_data)

    success_message = gettext_lazy("The entry was corrected.")


class HourEntryEditView(EntryMixin, ServiceFormMixin, FormView):
    """The participant fixes their own entry while it still waits for the supervisor."""

    permission_required = "placements.edit_own_hourentry"
    template_name = "placements/hour_entry_edit.html"
    form_class = HourEntryForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.entry}

    def perform(self, form):
        services.hours_edit_pending(entry=self.entry, by=self.request.user, **form.cleaned_data)

    success_message = gettext_lazy("The entry was changed and waits for the supervisor's confirmation.")


class HourEntryRejectView(EntryMixin, ServiceFormMixin, FormView):
    permission_required = "placements.confirm_hourentry"
    template_name = "placements/hour_entry_reject.html"
    form_class = RejectForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(back_url=pending_entries_url(self.request), **kwargs)

    def perform(self, form):
        services.hours_reject(entry=self.entry, by=self.request.user, **form.cleaned_data)

    def get_success_message(self):
        if notifications.reaches_by_email(self.entry.placement.enrolment.participant, "hours_rejected"):
            return _("The entry was rejected; the participant is told by email.")
        # Never claim an e-mail that is not sent (no address, opted out, or switched off).
        return _("The entry was rejected. No e-mail reaches the participant: please tell them the reason yourself.")

    def get_success_url(self):
        return pending_entries_url(self.request)


class HourEntryConfirmView(EntryMixin, TemplateView):
    """POST confirms one entry; a GET only leads to the list of pending entries."""

    permission_required = "placements.confirm_hourentry"

    def get(self, request, *args, **kwargs):
        return HttpResponseRedirect(pending_entries_url(request))

    def post(self, request, *args, **kwargs):
        try:
            services.hours_confirm(entry=self.entry, by=request.user)
        except DomainError as error:
            flash_domain_error(request, error)
        else:
            messages.success(request, _("The entry was confirmed."))
        return HttpResponseRedirect(pending_entries_url(request))


class PendingEntriesView(ObjectPermissionMixin, TemplateView):
    """The supervisor's phone page: pending entries of their facilities, tick several, confirm or reject at once.

    A few people per page (the one waiting longest first, each with all their entries) rather than everybody:
    a supervisor of several facilities has hundreds of entries, too many to scroll through on a phone and to
    build in the time a page should take. The form only holds the shown entries, so "Select all" and the bulk
    buttons act on this page alone; after a decision the supervisor comes back to the same page number.
    """

    permission_required = "placements.view_pending_hours"
    template_name = "placements/pending_entries.html"
    people_per_page = 10  # about 40 entries with the few a week each person usually has waiting

    def get_context_data(self, **kwargs):
        user = self.request.user
        people = selectors.pending_groups_visible_to(user)
        page = Paginator(people, self.people_per_page).get_page(self.request.GET.get("page"))
        placement_ids = [person["placement_id"] for person in page]
        groups = pending_page.entry_groups(
            placement_ids,
            selectors.pending_entries_of_placements(user, placement_ids),
            selected=kwargs.pop("selected", ()),
            back=f"?page={page.number}" if page.number > 1 else "",
        )
        overview = selectors.supervisor_overview(user)
        kwargs.setdefault("reject_form", RejectForm(prefix="bulk"))
        return super().get_context_data(
            groups=groups,
            entry_count=sum(person["count"] for person in people),
            shown_count=sum(person["count"] for person in page),
            page=page,
            page_range=page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
            overview=pending_page.overview_rows(overview["placements"]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        ids = [int(value) for value in request.POST.getlist("entry") if value.isdigit()]
        # Only entries of the user's own facilities can be chosen; others are ignored as if they were not there.
        visible = list(selectors.hour_entries_visible_to(request.user).filter(pk__in=ids).values_list("pk", flat=True))
        confirm = request.POST.get("decision") != "reject"
        reason = request.POST.get("bulk-reason", "")
        try:
            done, skipped = services.hours_decide_many(
                entry_ids=visible, confirm=confirm, reason=reason, by=request.user
            )
        except DomainError as error:
            if error.field == "reason":
                form = RejectForm({"bulk-reason": reason}, prefix="bulk")
                form.is_valid()
                apply_domain_error(form, error)
                return self.render_to_response(self.get_context_data(reject_form=form, selected=set(ids)))
            flash_domain_error(request, error)
            return HttpResponseRedirect(pending_entries_url(request))
        if confirm:
            text = ngettext("%(count)d entry was confirmed.", "%(count)d entries were confirmed.", done)
        else:
            text = ngettext("%(count)d entry was rejected.", "%(count)d entries were rejected.", done)
        messages.success(request, text % {"count": done})
        for message in skipped:
            messages.warning(request, message)
        return HttpResponseRedirect(pending_entries_url(request))
