"""Reads, already limited to what the user may see, with the joins each page needs."""

from django.db.models import Count, Q, QuerySet

from core.text import fold

from .models import Cohort, Enrolment, EnrolmentStatus, Organisation, Participant, Programme, Site
from .rules import staff_organisation_ids


def organisations_for(user) -> QuerySet[Organisation]:
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=staff_organisation_ids(user))


def sites_for(user) -> QuerySet[Site]:
    return Site.objects.filter(organisation__in=organisations_for(user)).select_related("organisation")


def programmes_for(user) -> QuerySet[Programme]:
    return Programme.objects.filter(organisation__in=organisations_for(user))


def cohorts_visible_to(user) -> QuerySet[Cohort]:
    """Cohorts a user may open. Only staff (and superusers) see cohorts; others see their own data elsewhere."""
    qs = Cohort.objects.select_related("programme", "site", "site__organisation")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.is_programme_staff:
        return qs.filter(site__organisation_id__in=staff_organisation_ids(user))
    return qs.none()


def with_place_counts(qs: QuerySet[Cohort]) -> QuerySet[Cohort]:
    return qs.annotate(
        taken_places=Count("enrolments", filter=~Q(enrolments__status=EnrolmentStatus.WITHDRAWN)),
    )


def cohort_roster(cohort: Cohort) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(cohort=cohort)
        .select_related("participant", "cohort", "cohort__site")
        .order_by("participant__name_key", "participant__date_of_birth")
    )


def participants_visible_to(user) -> QuerySet[Participant]:
    qs = Participant.objects.all()
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.is_programme_staff:
        return qs.filter(organisation_id__in=staff_organisation_ids(user))
    if user.is_participant:
        return qs.filter(user=user)
    return qs.none()


def participant_search(qs: QuerySet[Participant], text: str) -> QuerySet[Participant]:
    """Accent- and case-insensitive search in names and the customer number ("savas" finds "Savaş")."""
    for word in fold(text).split():
        qs = qs.filter(Q(name_key__contains=word) | Q(jobcenter_customer_number__icontains=word))
    return qs


def enrolments_of_participant(participant: Participant) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(participant=participant)
        .select_related("cohort", "cohort__programme", "cohort__site")
        .order_by("-cohort__start_date")
    )


def own_participant(user) -> Participant | None:
    if not user.is_authenticated or not user.is_participant:
        return None
    return Participant.objects.filter(user=user).select_related("organisation").first()
