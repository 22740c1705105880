"""Staff pages for employers, events, schedule, talk results and outcomes; participants' own pages."""

import datetime

import tablib
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from django_tables2 import SingleTableView

from core.exceptions import DomainError
from core.filenames import safe_download_name, set_download_name
from core.views import ObjectPermissionMixin, ServiceFormMixin, flash_domain_error
from courses.models import Cohort, Enrolment, Participant
from courses.selectors import cohorts_visible_to, enrolments_of_participant, organisations_visible_to
from spreadsheets.exports import download

from . import conf, pdf, selectors, services
from .forms import (
    EmployerFacilityForm,
    EmployerForm,
    EmployerMarksForm,
    EventForm,
    FollowUpForm,
    GoalForm,
    IntakeProfileForm,
    InvitationForm,
    InviteEmployersForm,
    MoveForm,
    NextStepConfirmForm,
    OutcomeForm,
    TalkResultForm,
    WishesForm,
)
from .models import (
    Employer,
    Event,
    EventEmployer,
    EventParticipant,
    Goal,
    GoalStatus,
    IntakeProfile,
    InvitationStatus,
    NextStep,
    OutcomeKind,
    Talk,
)
from .tables import EmployerTable, EventTable


def _organisation_for(user):
    organisation = organisations_visible_to(user).order_by("pk").first()
    if organisation is None:
        raise Http404
    return organisation


# --- employers -----------------------------------------------------------------------------------------


class EmployerListView(ObjectPermissionMixin, SingleTableView):
    permission_required = "outcomes.view_employer_list"
    table_class = EmployerTable
    template_name = "outcomes/employer_list.html"
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return selectors.employers_visible_to(self.request.user)


class EmployersFromFacilitiesView(ObjectPermissionMixin, View):
    permission_required = "outcomes.add_employer"
    http_method_names = ["post"]

    def post(self, request):
        added = services.employers_from_facilities(organisation=_organisation_for(request.user), by=request.user)
        messages.success(request, _("%(count)d employers added from the placement facilities.") % {"count": added})
        return redirect("outcomes:employer_list")


class EmployerFormMixin(ServiceFormMixin):
    form_class = EmployerForm
    template_name = "outcomes/employer_form.html"

    def perform(self, form):
        if not form.instance.organisation_id:
            form.instance.organisation = _organisation_for(self.request.user)
        return services.employer_save(employer=form.instance)

    success_message = gettext_lazy("Employer saved.")


class EmployerCreateView(ObjectPermissionMixin, EmployerFormMixin, FormView):
    permission_required = "outcomes.add_employer"

    def get_success_url(self):
        return reverse("outcomes:employer_edit", args=[self.result.pk])


class EmployerEditView(ObjectPermissionMixin, EmployerFormMixin, FormView):
    permission_required = "outcomes.change_employer"
    permission_model = Employer

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_permission_object()}

    def get_context_data(self, **kwargs):
        employer = self.get_permission_object()
        return super().get_context_data(
            employer=employer,
            facilities=employer.facilities.select_related("placement_facility"),
            facility_form=EmployerFacilityForm(prefix="facility"),
            **kwargs,
        )

    def get_success_url(self):
        return reverse("outcomes:employer_list")


class EmployerFacilityAddView(ObjectPermissionMixin, View):
    """POST from the employer's page: one more of its facilities."""

    permission_required = "outcomes.change_employer"
    permission_model = Employer
    http_method_names = ["post"]

    def post(self, request, pk):
        employer = self.get_permission_object()
        facility_form = EmployerFacilityForm(request.POST, prefix="facility")
        if facility_form.is_valid():
            try:
                services.employer_facility_add(employer=employer, **facility_form.cleaned_data)
            except DomainError as error:
                flash_domain_error(request, error)
            else:
                messages.success(request, _("Facility added."))
        else:
            messages.error(request, _("Please give the facility's name and type."))
        return redirect("outcomes:employer_edit", pk=employer.pk)


# --- events --------------------------------------------------------------------------------------------


class EventListView(ObjectPermissionMixin, SingleTableView):
    permission_required = "outcomes.view_event_list"
    table_class = EventTable
    template_name = "outcomes/event_list.html"
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return selectors.events_visible_to(self.request.user)


class EventFormMixin(ServiceFormMixin):
    form_class = EventForm
    template_name = "outcomes/event_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # Runs of the last three years: the ones whose graduates are invited.
        since = datetime.date.today() - datetime.timedelta(days=3 * 365)
        kwargs["cohorts"] = cohorts_visible_to(self.request.user).filter(end_date__gte=since).order_by("-start_date")
        return kwargs

    def perform(self, form):
        cohorts = list(form.cleaned_data.get("cohorts") or [])
        event = form.save(commit=False)
        if not event.organisation_id:
            event.organisation = _organisation_for(self.request.user)
        services.event_save(event=event, cohorts=cohorts)
        return event

    success_message = gettext_lazy("Event saved.")

    def get_success_url(self):
        return reverse("outcomes:event_detail", args=[self.result.pk])


class EventCreateView(ObjectPermissionMixin, EventFormMixin, FormView):
    permission_required = "outcomes.add_event"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Event()
        return kwargs


class EventEditView(ObjectPermissionMixin, EventFormMixin, FormView):
    permission_required = "outcomes.change_event"
    permission_model = Event

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_permission_object()
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.get_permission_object(), **kwargs)


class EventDetailView(ObjectPermissionMixin, TemplateView):
    """The event: who is invited and who accepted, with each answer recorded in one small form."""

    permission_required = "outcomes.view_event"
    permission_model = Event
    template_name = "outcomes/event_detail.html"

    def get_context_data(self, **kwargs):
        event = self.get_permission_object()
        participants, employers = selectors.event_invitations(event)
        ranked, marks = selectors.event_wishes(event)
        names = {i.employer_id: i.employer.name for i in employers}
        for invitation in participants:
            invitation.wish_names = [names.get(e, "?") for e in ranked.get(invitation.participant_id, [])]
        for invitation in employers:
            invitation.mark_count = len(marks.get(invitation.employer_id, ()))
        return super().get_context_data(
            event=event,
            participant_invitations=participants,
            employer_invitations=employers,
            statuses=InvitationStatus.choices,
            cohorts=list(event.cohorts.select_related("programme", "site")),
            **kwargs,
        )


class _EventInviteView(ObjectPermissionMixin, View):
    """POST: invite people to the event; each of the event page's invite buttons has its own URL."""

    permission_required = "outcomes.change_event"
    permission_model = Event
    http_method_names = ["post"]

    def post(self, request, pk):
        event = self.get_permission_object()
        try:
            self.invite(event)
        except DomainError as error:
            flash_domain_error(request, error)
        return redirect("outcomes:event_detail", pk=event.pk)

    def invite(self, event):
        raise NotImplementedError

    def invited_participants(self, count: int):
        messages.success(self.request, _("%(count)d participants invited.") % {"count": count})


class EventInviteHoldersView(_EventInviteView):
    """The certificate holders of the event's cohorts."""

    def invite(self, event):
        self.invited_participants(services.invite_certificate_holders(event=event))


class EventInviteEveryoneView(_EventInviteView):
    """Everyone of the event's cohorts who did not withdraw."""

    def invite(self, event):
        people = selectors.cohort_members(event.cohorts.select_related("site"))
        self.invited_participants(services.invite_participants(event=event, participants=people))


class EventInviteView(_EventInviteView):
    """The employers chosen on the invite-employers page."""

    def invite(self, event):
        form = InviteEmployersForm(self.request.POST, employers=selectors.employer_choices(event.organisation_id))
        if not form.is_valid():
            messages.error(self.request, _("Choose at least one employer."))
            return
        count = services.invite_employers(event=event, employers=list(form.cleaned_data["employers"]))
        messages.success(self.request, _("%(count)d employers invited.") % {"count": count})


class EventInviteEmployersView(ObjectPermissionMixin, TemplateView):
    permission_required = "outcomes.change_event"
    permission_model = Event
    template_name = "outcomes/event_invite_employers.html"

    def get_context_data(self, **kwargs):
        event = self.get_permission_object()
        form = InviteEmployersForm(employers=selectors.employer_choices(event.organisation_id))
        return super().get_context_data(event=event, form=form, **kwargs)


class InvitationAnswerView(ObjectPermissionMixin, View):
    """POST: one invitation's answer (participant or employer, by ``kind``)."""

    permission_required = "outcomes.change_event"
    http_method_names = ["post"]
    kind = "participant"

    def get_permission_queryset(self):
        model = EventParticipant if self.kind == "participant" else EventEmployer
        return model.objects.select_related("event")

    def post(self, request, pk):
        invitation = self.get_permission_object()
        form = InvitationForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please check the answer: %(errors)s") % {"errors": form.errors.as_text()})
        else:
            data = form.cleaned_data
            try:
                services.invitation_answer(
                    invitation=invitation,
                    status=data["status"],
                    first_round=data["first_round"],
                    last_round=data["last_round"],
                    seats=data["seats"],
                    attended=data["attended"],
                )
            except DomainError as error:
                flash_domain_error(request, error)
            else:
                messages.success(request, _("Answer saved."))
        return redirect(reverse("outcomes:event_detail", args=[invitation.event_id]) + "#invitations")


class WishesView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    """A participant's ranked wishes: entered by staff or by the participant on their own page."""

    permission_required = "outcomes.change_own_wishes"
    form_class = WishesForm
    template_name = "outcomes/wishes_form.html"

    def get_permission_queryset(self):
        return EventParticipant.objects.select_related("event", "participant")

    def get_form_kwargs(self):
        invitation = self.get_permission_object()
        employers = Employer.objects.filter(
            pk__in=EventEmployer.objects.filter(event_id=invitation.event_id)
            .exclude(status=InvitationStatus.DECLINED)
            .values("employer_id")
        ).order_by("name")
        ranked, _marks = selectors.event_wishes(invitation.event)
        chosen = {e.pk: e for e in employers}
        initial = [chosen[pk] for pk in ranked.get(invitation.participant_id, []) if pk in chosen]
        return {**super().get_form_kwargs(), "employers": employers, "initial_ranked": initial}

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=self.get_permission_object(), **kwargs)

    def perform(self, form):
        services.wishes_set(invitation=self.get_permission_object(), employers=form.ranked())

    success_message = gettext_lazy("Wishes saved.")

    def get_success_url(self):
        if self.request.user.is_participant:
            return reverse("outcomes:own_events")
        return reverse("outcomes:event_detail", args=[self.get_permission_object().event_id]) + "#invitations"


class EmployerMarksView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    permission_required = "outcomes.change_event"
    form_class = EmployerMarksForm
    template_name = "outcomes/employer_marks.html"

    def get_permission_queryset(self):
        return EventEmployer.objects.select_related("event", "employer")

    def get_form_kwargs(self):
        invitation = self.get_permission_object()
        participants, _employers = selectors.event_invitations(invitation.event)
        choices = [(str(i.participant_id), i.participant.full_name) for i in participants]
        _ranked, marks = selectors.event_wishes(invitation.event)
        initial = {"participants": [str(pk) for pk in marks.get(invitation.employer_id, ())]}
        return {**super().get_form_kwargs(), "choices": choices, "initial": initial}

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=self.get_permission_object(), **kwargs)

    success_message = gettext_lazy("Saved.")

    def perform(self, form):
        chosen = [int(pk) for pk in form.cleaned_data["participants"]]
        people = list(Participant.objects.filter(pk__in=chosen))
        services.employer_wishes_set(invitation=self.get_permission_object(), participants=people)

    def get_success_url(self):
        return reverse("outcomes:event_detail", args=[self.get_permission_object().event_id]) + "#invitations"


# --- the schedule --------------------------------------------------------------------------------------


def room_plan(event: Event, talks: list[Talk]) -> list[dict]:
    """Rounds × tables: each round with its start time and a cell per table (a talk or None)."""
    cells = {(t.round, t.table): t for t in talks}
    return [
        {
            "number": r,
            "start": event.round_start(r),
            "end": event.round_end(r),
            "cells": [cells.get((r, table)) for table in event.table_numbers],
        }
        for r in event.round_numbers
    ]


class EventScheduleView(ObjectPermissionMixin, TemplateView):
    permission_required = "outcomes.view_event"
    permission_model = Event
    template_name = "outcomes/event_schedule.html"

    def get_context_data(self, **kwargs):
        event = self.get_permission_object()
        talks = selectors.event_talks(event)
        return super().get_context_data(event=event, plan=room_plan(event, talks), talk_count=len(talks), **kwargs)


class EventScheduleRunView(ObjectPermissionMixin, View):
    permission_required = "outcomes.schedule_event"
    permission_model = Event
    http_method_names = ["post"]

    def post(self, request, pk):
        event = self.get_permission_object()
        try:
            schedule = services.schedule_event(event=event)
        except DomainError as error:
            flash_domain_error(request, error)
        else:
            messages.success(request, _("%(count)d talks scheduled.") % {"count": len(schedule.talks)})
        return redirect("outcomes:event_schedule", pk=event.pk)


class TalkMoveView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    """Move or swap one talk by hand; the page names every rule the change would break before saving."""

    permission_required = "outcomes.schedule_event"
    permission_model = Talk
    form_class = MoveForm
    template_name = "outcomes/talk_move.html"

    def get_permission_queryset(self):
        return Talk.objects.select_related("event", "participant", "employer")

    def get_initial(self):
        talk = self.get_permission_object()
        return {"round": talk.round, "table": talk.table}

    def get_context_data(self, **kwargs):
        talk = self.get_permission_object()
        return super().get_context_data(talk=talk, event=talk.event, **kwargs)

    def form_valid(self, form):
        if "check" in self.request.POST:  # the same form's other button: show what the move would break
            talk, data = self.get_permission_object(), form.cleaned_data
            broken = services.move_violations(event=talk.event, talk=talk, round=data["round"], table=data["table"])
            return self.render_to_response(
                self.get_context_data(form=form, checked=True, broken=[message for _rule, message in broken])
            )
        return super().form_valid(form)

    def perform(self, form):
        talk, data = self.get_permission_object(), form.cleaned_data
        return services.talk_move(
            talk=talk, round=data["round"], table=data["table"], accept_broken_rules=data["accept_broken_rules"]
        )

    def get_success_message(self):
        return "" if self.result else _("Moved.")

    def success_response(self, form):
        if self.result:
            messages.warning(self.request, _("Moved; broken on purpose: %(rules)s") % {"rules": " ".join(self.result)})
        return super().success_response(form)

    def get_success_url(self):
        return reverse("outcomes:event_schedule", args=[self.get_permission_object().event_id])


# --- during the event ----------------------------------------------------------------------------------

# The one-tap buttons: (label, held, participant interested, employer interested, next step)
TAP_CHOICES = [
    ("absent", False, None, None, ""),
    ("no_interest", True, False, False, NextStep.NONE),
    ("interest", True, True, True, NextStep.NONE),
    (NextStep.HOSPITATION, True, True, True, NextStep.HOSPITATION),
    (NextStep.PRAKTIKUM, True, True, True, NextStep.PRAKTIKUM),
    (NextStep.PROBEARBEIT, True, True, True, NextStep.PROBEARBEIT),
    (NextStep.JOB_OFFER, True, True, True, NextStep.JOB_OFFER),
    (NextStep.AUSBILDUNG, True, True, True, NextStep.AUSBILDUNG),
]


def tap_labels():
    labels = {
        "absent": _("Did not take place"),
        "no_interest": _("No interest"),
        "interest": _("Interest, no step yet"),
    }
    labels.update({value: str(label) for value, label in NextStep.choices})
    return [(key, labels[key]) for key, *_rest in TAP_CHOICES]


class EventRecordView(ObjectPermissionMixin, TemplateView):
    """The phone page during the event: every talk of a round with one button per result."""

    permission_required = "outcomes.record_talk"
    permission_model = Event
    template_name = "outcomes/event_record.html"

    def get_context_data(self, **kwargs):
        event = self.get_permission_object()
        talks = selectors.event_talks(event)
        try:
            current = int(self.request.GET.get("runde", "1"))
        except ValueError:
            current = 1
        current = min(max(current, 1), event.rounds)
        return super().get_context_data(
            event=event,
            current=current,
            talks=[t for t in talks if t.round == current],
            taps=tap_labels(),
            **kwargs,
        )


class TalkRecordView(ObjectPermissionMixin, View):
    """POST (one tap): the talk's result. Answers htmx with the talk's row, others with a redirect."""

    permission_required = "outcomes.record_talk"
    permission_model = Talk
    http_method_names = ["post"]

    def get_permission_queryset(self):
        return Talk.objects.select_related("event", "participant", "employer")

    def post(self, request, pk):
        talk = self.get_permission_object()
        choice = {key: rest for key, *rest in TAP_CHOICES}.get(request.POST.get("tap", ""))
        form = TalkResultForm(request.POST)
        error = None
        if choice is None or not form.is_valid():
            error = _("Please choose one of the buttons.")
        else:
            held, p_interest, e_interest, step = choice
            try:
                talk = services.talk_record(
                    talk=talk,
                    by=request.user,
                    held=held,
                    participant_interested=p_interest,
                    employer_interested=e_interest,
                    next_step=step,
                    next_step_date=form.cleaned_data.get("next_step_date"),
                )
            except DomainError as exc:
                error = str(exc)
        if getattr(request, "htmx", False):
            from django.template.loader import render_to_string

            talk.event = self.get_permission_object().event
            html = render_to_string(
                "outcomes/_talk_row.html", {"talk": talk, "taps": tap_labels(), "error": error}, request=request
            )
            return HttpResponse(html)
        if error:
            messages.error(request, error)
        return redirect(reverse("outcomes:event_record", args=[talk.event_id]) + f"?runde={talk.round}#talk-{talk.pk}")


class TalkConfirmView(ObjectPermissionMixin, View):
    """POST: the talk's agreed next step becomes an outcome record."""

    permission_required = "outcomes.record_talk"
    permission_model = Talk
    http_method_names = ["post"]

    def get_permission_queryset(self):
        return Talk.objects.select_related("event", "participant")

    def post(self, request, pk):
        talk = self.get_permission_object()
        form = NextStepConfirmForm(request.POST)
        kind = form.cleaned_data["kind"] if form.is_valid() else None
        try:
            services.next_step_confirm(talk=talk, by=request.user, kind=kind)
        except DomainError as error:
            flash_domain_error(request, error)
        else:
            messages.success(request, _("Recorded as an outcome."))
        return redirect("outcomes:participant_outcomes", pk=talk.participant_id)


# --- printouts -----------------------------------------------------------------------------------------


class EventPrintView(ObjectPermissionMixin, View):
    """The printouts as PDF (participants, employers, room plan) or all three in a ZIP."""

    permission_required = "outcomes.view_event"
    permission_model = Event
    kind = "zip"

    def get(self, request, pk):
        event = self.get_permission_object()
        pack = pdf.EventPack.for_event(event)
        stem = f"speed-dating-{event.date:%Y-%m-%d}"
        if self.kind == "zip":
            content, content_type = pdf.zip_all(pack), "application/zip"
            name = safe_download_name(stem, extension="zip")
        else:
            renderer = {"participants": pdf.participant_pages, "employers": pdf.employer_pages, "plan": pdf.room_plan}
            content, content_type = renderer[self.kind](pack), "application/pdf"
            name = safe_download_name(stem, self.kind, extension="pdf")
        response = set_download_name(HttpResponse(content, content_type=content_type), name)
        return response


# --- outcomes ------------------------------------------------------------------------------------------


class ParticipantOutcomesView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    """One person after the course: intake profile, goals, talks and outcome records, with a form to add."""

    permission_required = "outcomes.view_participant_outcomes"
    permission_model = Participant
    form_class = OutcomeForm
    template_name = "outcomes/participant_outcomes.html"

    def get_permission_required(self):
        # Reading the page and recording an outcome are separate rights, even while the same people hold both.
        return ("outcomes.add_outcome",) if self.request.method == "POST" else super().get_permission_required()

    def get_form_kwargs(self):
        participant = self.get_permission_object()
        return {
            **super().get_form_kwargs(),
            "employers": Employer.objects.filter(organisation_id=participant.organisation_id),
            "goals": Goal.objects.filter(participant=participant, status=GoalStatus.OPEN),
        }

    def get_initial(self):
        return {"date": datetime.date.today(), "source": "participant"}

    def get_context_data(self, **kwargs):
        participant = self.get_permission_object()
        return super().get_context_data(
            participant=participant,
            profile=IntakeProfile.objects.filter(participant=participant).first(),
            goals=list(Goal.objects.filter(participant=participant).select_related("closed_by")),
            talks=list(selectors.talks_of_participant(participant)),
            records=list(selectors.outcomes_of_participant(participant)),
            goal_form=GoalForm(),
            kinds=OutcomeKind.choices,
            **kwargs,
        )

    def perform(self, form):
        data = form.cleaned_data
        services.outcome_record_create(
            participant=self.get_permission_object(),
            by=self.request.user,
            date=data["date"],
            kind=data["kind"],
            source=data["source"],
            unavailable_reason=data["unavailable_reason"],
            workplace=data["workplace"],
            hours_per_week=data["hours_per_week"],
            employer=data["employer"],
            note=data["note"],
            goals=list(data["goals"]),
        )

    success_message = gettext_lazy("Outcome recorded.")

    def get_success_url(self):
        return reverse("outcomes:participant_outcomes", args=[self.get_permission_object().pk])


class _GoalView(ObjectPermissionMixin, View):
    """POST from the participant's outcomes page: a goal added or its status changed."""

    permission_required = "outcomes.change_goals"
    permission_model = Participant
    http_method_names = ["post"]

    def post(self, request, pk):
        participant = self.get_permission_object()
        self.act(participant)
        return redirect("outcomes:participant_outcomes", pk=participant.pk)

    def act(self, participant):
        raise NotImplementedError


class GoalAddView(_GoalView):
    def act(self, participant):
        goal_form = GoalForm(self.request.POST)
        if goal_form.is_valid():
            services.goal_add(participant=participant, **goal_form.cleaned_data)
        else:
            messages.error(self.request, _("Please give the goal a title."))


class GoalStatusView(_GoalView):
    def act(self, participant):
        goal = get_object_or_404(Goal, pk=self.request.POST.get("goal"), participant=participant)
        services.goal_set_status(goal=goal, status=self.request.POST.get("goal_status", ""))


class IntakeEditView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    """The intake profile: staff, or the participant on their own page."""

    permission_required = "outcomes.change_intake"
    permission_model = Participant
    form_class = IntakeProfileForm
    template_name = "outcomes/intake_form.html"

    def get_form_kwargs(self):
        participant = self.get_permission_object()
        profile = IntakeProfile.objects.filter(participant=participant).first() or IntakeProfile(
            participant=participant
        )
        return {**super().get_form_kwargs(), "instance": profile}

    def get_context_data(self, **kwargs):
        return super().get_context_data(participant=self.get_permission_object(), **kwargs)

    def perform(self, form):
        fields = {name: form.cleaned_data[name] for name in IntakeProfileForm.Meta.fields}
        services.intake_save(participant=self.get_permission_object(), by=self.request.user, **fields)

    success_message = gettext_lazy("Profile saved.")

    def get_success_url(self):
        if self.request.user.is_participant:
            return reverse("outcomes:own_events")
        return reverse("outcomes:participant_outcomes", args=[self.get_permission_object().pk])


class FollowUpAnswerView(ObjectPermissionMixin, View):
    """POST from the start page: one follow-up answered in one step."""

    permission_required = "outcomes.answer_follow_up"
    http_method_names = ["post"]

    def get_permission_queryset(self):
        return Enrolment.objects.select_related("cohort__site", "participant")

    def get_permission_pk(self):
        self.form = FollowUpForm(self.request.POST)
        if not self.form.is_valid():
            raise Http404
        return self.form.cleaned_data["enrolment"]

    def post(self, request):
        enrolment = self.get_permission_object()
        data = self.form.cleaned_data
        try:
            services.follow_up_answer(
                enrolment=enrolment,
                month=data["month"],
                by=request.user,
                kind=data["kind"],
                source=data["source"],
                unavailable_reason=data["unavailable_reason"],
            )
        except DomainError as error:
            flash_domain_error(request, error)
        else:
            messages.success(request, _("Follow-up of %(name)s recorded.") % {"name": enrolment.participant.full_name})
        return redirect("home")


class CohortOutcomesView(ObjectPermissionMixin, TemplateView):
    permission_required = "outcomes.view_cohort_outcomes"
    permission_model = Cohort
    template_name = "outcomes/cohort_outcomes.html"

    def get_permission_queryset(self):
        return Cohort.objects.select_related("programme", "site")

    def get_context_data(self, **kwargs):
        cohort = self.get_permission_object()
        return super().get_context_data(
            cohort=cohort,
            figures=selectors.cohort_figures(cohort),
            rows=selectors.cohort_outcome_rows(cohort),
            months=conf.follow_up_months(),
            counting_rule=str(selectors.COUNTING_RULE),
            **kwargs,
        )


class CohortOutcomesExportView(ObjectPermissionMixin, View):
    permission_required = "outcomes.view_cohort_outcomes"
    permission_model = Cohort

    def get_permission_queryset(self):
        return Cohort.objects.select_related("programme", "site")

    def get(self, request, pk, file_format):
        cohort = self.get_permission_object()
        figures = selectors.cohort_figures(cohort)
        dataset = tablib.Dataset(headers=[_("Figure"), _("Value")])
        rate = figures.rate
        for label, value in [
            (_("Cohort"), str(cohort)),
            (_("Invited to speed dating"), figures.invited),
            (_("Came"), figures.came),
            (_("Talks held"), figures.talks_held),
            (_("Next steps agreed"), figures.next_steps),
            (_("Finished the measure"), figures.finished),
            (_("6-month follow-up due"), figures.six_month_due),
            (_("In work or training at 6 months"), figures.in_work_or_training),
            (_("Of these in employment subject to social insurance"), figures.employed),
            (
                _("Share in work or training at 6 months (%)"),
                "" if rate is None else f"{rate * 100:.1f}".replace(".", ","),
            ),
            (_("Counting rule"), str(selectors.COUNTING_RULE)),
        ]:
            dataset.append([str(label), value])
        dataset.title = _("Outcomes")
        return download(dataset, f"{_('outcomes')}-{cohort.number}", file_format)


# --- participants' own page ----------------------------------------------------------------------------


class OwnEventsView(ObjectPermissionMixin, TemplateView):
    permission_required = "outcomes.view_own_events"
    template_name = "outcomes/own_events.html"

    def get_context_data(self, **kwargs):
        participant = Participant.objects.filter(user=self.request.user).first()
        return super().get_context_data(
            invitations=selectors.own_invitations(self.request.user),
            participant=participant,
            today=datetime.date.today(),
            enrolments=list(enrolments_of_participant(participant)) if participant else [],
            **kwargs,
        )
