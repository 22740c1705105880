from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import DetailView, FormView, TemplateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from accounts.selectors import open_invitation_of_user
from accounts.views import deliver_invitation
from core.memo import remember_reads
from core.views import DetailPermissionMixin, ObjectPermissionMixin, PageFormMixin, ServiceFormMixin

from . import selectors, services
from .filters import CohortFilter
from .forms import (
    CohortForm,
    EnrolNewParticipantForm,
    EntryDateForm,
    ExistingParticipantForm,
    ParticipantForm,
    ParticipantLoginForm,
    ParticipantSearchForm,
    WithdrawForm,
)
from .models import Cohort, EnrolmentStatus, Participant, default_entry_date
from .tables import CohortTable, ParticipantTable, RosterTable
from .view_mixins import CohortObjectMixin, EnrolmentObjectMixin


class CohortListView(ObjectPermissionMixin, SingleTableMixin, FilterView):
    permission_required = "courses.view_cohort_list"
    table_class = CohortTable
    filterset_class = CohortFilter
    template_name = "courses/cohort_list.html"
    # Paged by the table only: ListView's paginate_by would count the cohorts a second time.
    table_pagination = {"per_page": 25}

    def get_queryset(self):
        return selectors.with_place_counts(selectors.cohorts_visible_to(self.request.user))

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["programmes"] = selectors.programmes_visible_to(self.request.user)
        kwargs["sites"] = selectors.sites_visible_to(self.request.user)
        return kwargs


class CohortDetailView(DetailPermissionMixin, DetailView):
    permission_required = "courses.view_cohort"
    template_name = "courses/cohort_detail.html"
    context_object_name = "cohort"

    def get_queryset(self):
        return Cohort.objects.select_related("programme", "site", "site__organisation", "funding_body")

    def get_object(self, queryset=None):
        # The roster, the placements section and the certificates panel read the same cohort-wide
        # summaries: each is computed once for the page (core.memo).
        return remember_reads(super().get_object(queryset), self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The roster pages and sorts the people the page's other sections load anyway (a copy: sorting must
        # not reorder theirs), rather than counting and reading a page of them again.
        people = selectors.cohort_people(self.object)
        table = RosterTable(list(people), request=self.request)
        taken = sum(1 for e in people if e.status != EnrolmentStatus.WITHDRAWN)
        context.update(
            table=table,
            taken_places=taken,
            free_places=max(self.object.capacity - taken, 0),
            modules=self.object.programme.modules.all(),
        )
        return context


class CohortFormMixin(ServiceFormMixin):
    form_class = CohortForm
    template_name = "courses/cohort_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def get_success_url(self):
        return reverse("courses:cohort_detail", args=[self.result.pk])

    def form_valid(self, form):
        self.new_organisation_names = form.new_organisation_names
        return super().form_valid(form)

    def get_success_message(self) -> str:
        message = super().get_success_message()
        names = self.new_organisation_names
        if not names:
            return message
        # Said so that a misspelling that slipped through is noticed (and partner log-ins get added to it).
        created = ngettext(
            "New organisation created: %(names)s.", "New organisations created: %(names)s.", len(names)
        ) % {"names": ", ".join(names)}
        return f"{message} {created}"


class CohortCreateView(ObjectPermissionMixin, CohortFormMixin, FormView):
    permission_required = "courses.add_cohort"

    def perform(self, form):
        return services.cohort_create(by=self.request.user, **form.cleaned_data)

    success_message = gettext_lazy("The cohort was created.")


class CohortUpdateView(ObjectPermissionMixin, CohortFormMixin, FormView):
    permission_required = "courses.change_cohort"
    permission_model = Cohort

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_permission_object()
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(cohort=self.get_permission_object(), **kwargs)

    def perform(self, form):
        return services.cohort_update(cohort=self.get_permission_object(), by=self.request.user, **form.cleaned_data)

    success_message = gettext_lazy("The cohort was saved.")


class EnrolView(CohortObjectMixin, TemplateView):
    """Enrol an existing participant (searchable list) or a new one (full form) into a cohort; each form
    posts to its own view below, which shows this page again with its errors."""

    permission_required = "courses.enrol_cohort"
    template_name = "courses/enrol.html"
    http_method_names = ["get", "head", "options"]

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "existing_form", ExistingParticipantForm(user=self.request.user, cohort=self.cohort, prefix="existing")
        )
        kwargs.setdefault("new_form", EnrolNewParticipantForm(prefix="new", cohort=self.cohort))
        # People already recorded are found by search, not listed: an organisation may hold thousands.
        search_form = ParticipantSearchForm(self.request.GET)
        query = search_form.data.get("q", "").strip()
        candidates = []
        if query:
            candidates = search_form.search(kwargs["existing_form"].fields["participant"].queryset)[:20]
        return super().get_context_data(
            cohort=self.cohort,
            search_form=search_form,
            query=query,
            candidates=candidates,
            entry_default=default_entry_date(self.cohort),
            **kwargs,
        )


class _EnrolFormView(PageFormMixin, ServiceFormMixin, EnrolView, FormView):
    def get_success_message(self):
        return _("%(name)s was enrolled.") % {"name": self.result.participant.full_name}

    def get_success_url(self):
        return reverse("courses:cohort_detail", args=[self.cohort.pk])


class EnrolExistingView(_EnrolFormView):
    form_class = ExistingParticipantForm
    prefix = "existing"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "cohort": self.cohort}

    def perform(self, form):
        return services.enrolment_create(
            cohort=self.cohort,
            participant=form.cleaned_data["participant"],
            enrolled_on=form.cleaned_data["enrolled_on"],
            by=self.request.user,
        )


class EnrolNewView(_EnrolFormView):
    form_class = EnrolNewParticipantForm
    prefix = "new"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cohort": self.cohort}

    def perform(self, form):
        return services.participant_create_and_enrol(cohort=self.cohort, by=self.request.user, **form.cleaned_data)


class _EnrolmentFormView(EnrolmentObjectMixin, ServiceFormMixin, FormView):
    """A change to one enrolment; back to its cohort afterwards."""

    def get_success_url(self):
        return reverse("courses:cohort_detail", args=[self.enrolment.cohort_id])


class EntryDateView(_EnrolmentFormView):
    """Change an enrolment's entry date with a reason; the page lists the earlier changes."""

    permission_required = "courses.change_enrolment_date"
    template_name = "courses/entry_date.html"
    form_class = EntryDateForm

    def get_initial(self):
        return {"enrolled_on": self.get_permission_object().enrolled_on}

    def get_context_data(self, **kwargs):
        enrolment = self.get_permission_object()
        changes = enrolment.date_changes.select_related("changed_by")
        return super().get_context_data(enrolment=enrolment, changes=changes, **kwargs)

    def perform(self, form):
        services.enrolment_change_entry_date(
            enrolment=self.enrolment,
            on=form.cleaned_data["enrolled_on"],
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )

    success_message = gettext_lazy("The entry date was changed.")


class WithdrawView(_EnrolmentFormView):
    permission_required = "courses.withdraw_enrolment"
    template_name = "courses/withdraw.html"
    form_class = WithdrawForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(enrolment=self.get_permission_object(), **kwargs)

    def perform(self, form):
        services.enrolment_withdraw(enrolment=self.enrolment, by=self.request.user, **form.cleaned_data)

    success_message = gettext_lazy("The withdrawal was recorded.")


class ParticipantListView(ObjectPermissionMixin, SingleTableMixin, TemplateView):
    permission_required = "courses.view_participant_list"
    table_class = ParticipantTable
    template_name = "courses/participant_list.html"
    table_pagination = {"per_page": 25}

    def get_table_data(self):
        self.search_form = ParticipantSearchForm(self.request.GET)
        return self.search_form.search(selectors.participants_visible_to(self.request.user))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["search_form"] = self.search_form
        return context


class ParticipantDetailView(DetailPermissionMixin, DetailView):
    permission_required = "courses.view_participant"
    template_name = "courses/participant_detail.html"
    context_object_name = "participant"

    def get_queryset(self):
        return Participant.objects.select_related("organisation", "user")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["enrolments"] = selectors.enrolments_of_participant(self.object)
        if self.request.user.has_perm("courses.change_participant", self.object):
            context["login_form"] = ParticipantLoginForm(prefix="login", participant=self.object)
            if self.object.user_id:
                context["open_invitation"] = open_invitation_of_user(self.object.user)
        return context


class ParticipantUpdateView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    permission_required = "courses.change_participant"
    permission_model = Participant
    form_class = ParticipantForm
    template_name = "courses/participant_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_permission_object()
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(participant=self.get_permission_object(), **kwargs)

    def perform(self, form):
        services.participant_update(participant=self.get_permission_object(), by=self.request.user, **form.cleaned_data)

    success_message = gettext_lazy("The participant's data was saved.")

    def get_success_url(self):
        return reverse("courses:participant_detail", args=[self.get_permission_object().pk])


class ParticipantLoginCreateView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    """Invite the participant to their own login (created here if they have none), by e-mail or a printed
    letter with a code. Staff never see or choose the password."""

    permission_required = "courses.change_participant"
    permission_model = Participant
    form_class = ParticipantLoginForm
    template_name = "courses/participant_login_form.html"
    prefix = "login"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "participant": self.get_permission_object()}

    def get_context_data(self, **kwargs):
        participant = self.get_permission_object()
        return super().get_context_data(
            participant=participant,
            open_invitation=open_invitation_of_user(participant.user) if participant.user_id else None,
            **kwargs,
        )

    def perform(self, form):
        return services.participant_invite(
            participant=self.get_permission_object(),
            by=self.request.user,
            delivery=form.cleaned_data["delivery"],
            username=form.cleaned_data.get("username", ""),
        )

    def get_success_url(self):
        return reverse("courses:participant_detail", args=[self.get_permission_object().pk])

    def success_response(self, form):
        invitation, secret = self.result
        return deliver_invitation(self.request, invitation, secret) or super().success_response(form)
