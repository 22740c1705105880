"""What the placements app tells the apps above it. Telling people (inbox, e-mail) is the notifications app's
work; this app only announces what happened, as Django signals, and never imports it."""

from django.db import transaction
from django.dispatch import Signal

# Sent after the commit when an entry was confirmed or rejected (keyword ``entry_id``).
hours_decided = Signal()

# Asked (keywords ``participant``, ``kind``) before a page says that a participant is told by e-mail:
# receivers answer True or False. With no receiver (the notifications app not installed) the answer is no.
email_reach = Signal()


def announce_decision(entry) -> None:
    entry_id = entry.pk
    transaction.on_commit(lambda: hours_decided.send(sender=type(entry), entry_id=entry_id))


def reaches_by_email(participant, kind: str) -> bool:
    answers = email_reach.send(sender=type(participant), participant=participant, kind=kind)
    return any(answer for _receiver, answer in answers)
