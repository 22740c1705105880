from . import EVERYONE, LOGGED_IN, allow


def extend_world(world):
    from notifications.calendars import feed_for
    from notifications.models import DownloadStatus, PreparedDownload
    from notifications.services import notify

    world.notification = notify(kind="hours_confirmed", recipient=world.users["participant"], params={})
    world.cohort_feed = feed_for(cohort=world.cohort)
    # An Art. 15 export of the world's participant (the anonymised person added by the privacy walk takes the
    # ZIPs of the shared cohort with them).
    world.download = PreparedDownload.objects.create(
        requested_by=world.users["staff"],
        kind="privacy_export",
        params={"participant": world.participant.pk, "by": world.users["staff"].pk},
        title="ZIP",
        status=DownloadStatus.READY,
        file_name="Datenauskunft.zip",
        content_type="application/zip",
        data=b"PK",
    )


def _link_token(world):
    # world.placement and its pending entry come from tests/url_access/placements.py (extended after this one).
    from notifications.links import make_token

    token = make_token(
        supervisor_id=world.users["supervisor"].pk, placement_id=world.placement.pk, entry_ids=[world.hour_entry.pk]
    )
    return {"token": token}


ENTRIES = {
    "notifications:inbox": allow(*LOGGED_IN),
    # POST-only actions: allowed roles get 405 for a GET, the rest are refused before that.
    "notifications:mark_read": allow("participant", kwargs=lambda w: {"pk": w.notification.pk}, allowed_status=405),
    "notifications:mark_all_read": allow(*LOGGED_IN, allowed_status=405),
    "notifications:preferences": allow(*LOGGED_IN, allowed_status=405),
    # Public by design: the signed link of the digest and the feed at its secret address.
    "notifications:supervisor_link": allow(*EVERYONE, kwargs=_link_token),
    "notifications:feed": allow(*EVERYONE, kwargs=lambda w: {"token": w.cohort_feed.token}),
    "notifications:cohort_calendar": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk}),
    "notifications:own_calendar": allow("participant", "other_participant"),
    "notifications:downloads": allow(*LOGGED_IN),
    "notifications:request_cohort_zip": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk}, allowed_status=405),
    "notifications:request_cohort_attendance_zip": allow(
        "staff", kwargs=lambda w: {"pk": w.cohort.pk}, allowed_status=405
    ),
    "notifications:download_detail": allow("staff", kwargs=lambda w: {"pk": w.download.pk}),
    "notifications:download_file": allow("staff", kwargs=lambda w: {"pk": w.download.pk}),
}
