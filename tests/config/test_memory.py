import gc

from django.core.signals import request_finished

from config.memory import AFTER_RESPONSE, YOUNG_THRESHOLD, collect_after_response, tune_garbage_collector


def test_start_up_objects_are_frozen_and_young_collections_rarer():
    before = gc.get_threshold()
    try:
        tune_garbage_collector()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (YOUNG_THRESHOLD, before[1], before[2])
        assert collect_after_response in [entry[1]() for entry in request_finished.receivers]
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
        request_finished.disconnect(dispatch_uid=AFTER_RESPONSE)


def test_after_a_response_the_young_generations_are_empty_and_the_whole_heap_every_tenth_time():
    gc.collect()
    cycles = []
    for _ in range(50):
        cycle = []
        cycle.append(cycle)  # garbage only the collector frees
        cycles.append(cycle)
    del cycles, cycle
    collect_after_response()
    assert gc.get_count()[:2] == (0, 0)
    for _ in range(gc.get_threshold()[2]):
        collect_after_response()
    assert gc.get_count()[2] == 0  # the last one collected everything
