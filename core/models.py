"""The one abstract model every app's records share: who created a record and when.

``CreationStamp`` adds ``created_by`` (the user, kept when the user is deleted elsewhere: PROTECT; empty for
records the demo builder or a command creates) and ``created_at`` (set on the first save). Records whose
stamp reads differently on their pages (hours are *recorded*, lists *uploaded*) or that outlive their author
take a variant from ``creation_stamp(...)``; the columns are the same.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def creation_stamp(*, by_label=None, at_label=None, on_delete=models.PROTECT):
    """An abstract model with ``created_by`` and ``created_at`` under these labels ("created by", "created
    at" unless given)."""

    class CreationStamp(models.Model):
        created_by = models.ForeignKey(
            settings.AUTH_USER_MODEL,
            verbose_name=by_label or _("created by"),
            on_delete=on_delete,
            null=True,
            blank=True,
            related_name="+",
        )
        created_at = models.DateTimeField(at_label or _("created at"), auto_now_add=True)

        class Meta:
            abstract = True

    return CreationStamp


CreationStamp = creation_stamp()
