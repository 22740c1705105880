"""core.conf.Setting: an app setting read at each call, with its default where the project sets none."""

from django.test import override_settings

from core.conf import Setting
from placements import conf as placements_conf

DAYS = Setting("SOME_APP_DAYS", 7)


def test_the_default_where_the_project_sets_nothing():
    assert DAYS() == 7


def test_an_override_applies_at_the_next_call(settings):
    settings.SOME_APP_DAYS = "30"
    assert DAYS() == 30  # converted, as environment variables arrive as text
    with override_settings(SOME_APP_DAYS=3):
        assert DAYS() == 3


def test_an_app_setting_with_its_own_conversion(settings):
    settings.PLACEMENT_BREAK_RULES = [("540", "45"), ("360", "30")]
    assert placements_conf.break_rules() == [(360, 30), (540, 45)]
