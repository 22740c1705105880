from . import LOGGED_IN, Access, allow

ENTRIES = {
    "home": Access(LOGGED_IN),
    "accounts:login": Access(frozenset({"anonymous"})),  # logged-in users are sent on to their start page
    "accounts:password_change": Access(LOGGED_IN),
    "accounts:password_change_done": Access(LOGGED_IN),
    "courses:cohort_list": allow("staff", "other_staff"),  # lists are scoped, not refused
    "courses:cohort_create": allow("staff", "other_staff"),  # lists are scoped, not refused
    "courses:cohort_detail": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk}),
    "courses:cohort_update": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk}),
    "courses:enrol": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk}),
    # Each of the enrol page's forms posts to its own URL: a GET is refused (405) after the permission check.
    "courses:enrol_existing": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk}, allowed_status=405),
    "courses:enrol_new": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk}, allowed_status=405),
    "courses:withdraw": allow("staff", kwargs=lambda w: {"pk": w.enrolment.pk}),
    "courses:entry_date": allow("staff", kwargs=lambda w: {"pk": w.enrolment.pk}),
    "courses:participant_list": allow("staff", "other_staff"),  # lists are scoped, not refused
    "courses:participant_detail": allow("staff", "participant", kwargs=lambda w: {"pk": w.participant.pk}),
    "courses:participant_update": allow("staff", kwargs=lambda w: {"pk": w.participant.pk}),
    "courses:participant_login": allow("staff", kwargs=lambda w: {"pk": w.participant.pk}),
}

# URLs that only take POST or belong to other packages: not walked with GET.
NOT_WALKED = {"accounts:logout", "set_language"}
