import gc

from config.memory import YOUNG_THRESHOLD, tune_garbage_collector


def test_start_up_objects_are_frozen_and_young_collections_rarer():
    before = gc.get_threshold()
    try:
        tune_garbage_collector()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (YOUNG_THRESHOLD, before[1], before[2])
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
