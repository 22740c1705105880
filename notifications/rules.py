"""Who may see and do what in the notifications app, registered as Django permissions."""

import rules

from courses.rules import is_staff_of_object_organisation


@rules.predicate
def is_logged_in(user) -> bool:
    return user.is_authenticated and user.is_active


@rules.predicate
def is_participant_with_profile(user) -> bool:
    return user.is_authenticated and user.is_participant and hasattr(user, "participant")


@rules.predicate
def is_own_notification(user, notification) -> bool:
    return notification is not None and user.is_authenticated and notification.recipient_id == user.pk


@rules.predicate
def is_own_download(user, download) -> bool:
    return download is not None and user.is_authenticated and download.requested_by_id == user.pk


rules.add_perm("notifications.view_inbox", is_logged_in)
rules.add_perm("notifications.read_notification", is_own_notification)
rules.add_perm("notifications.change_email_preference", is_logged_in)
rules.add_perm("notifications.view_own_calendar", is_participant_with_profile)
rules.add_perm("notifications.view_cohort_calendar", is_staff_of_object_organisation)  # obj: cohort
rules.add_perm("notifications.view_prepared_download", is_own_download)
rules.add_perm("notifications.view_prepared_download_list", is_logged_in)
