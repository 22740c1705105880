"""The one crontab line (`manage.py enqueue_daily`) also runs what storage limitation and account hygiene
need: anonymisation after the retention period and closing log-ins nobody uses."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Role
from notifications.jobs import DAILY
from privacy.models import LoginRecord

from ..factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_daily_list_names_both_jobs():
    assert {"anonymise_expired", "deactivate_inactive_accounts"} <= set(DAILY)


def test_enqueue_daily_forgets_old_log_ins_and_closes_unused_ones(settings):
    settings.ACCOUNT_INACTIVITY_DAYS = 365
    long_ago = timezone.now() - datetime.timedelta(days=400)
    unused = UserFactory(username="unused", role=Role.STAFF)
    type(unused).objects.filter(pk=unused.pk).update(date_joined=long_ago)
    used = UserFactory(username="used", role=Role.STAFF, last_login=timezone.now())
    old_log_in = LoginRecord.objects.create(user=used)
    LoginRecord.objects.filter(pk=old_log_in.pk).update(at=long_ago)  # past PRIVACY_LOGIN_RECORD_DAYS
    call_command("enqueue_daily")
    unused.refresh_from_db()
    used.refresh_from_db()
    assert (unused.is_active, used.is_active) == (False, True)
    assert not LoginRecord.objects.exists()
