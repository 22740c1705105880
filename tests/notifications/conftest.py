from tests.placements.conftest import active_placement, cohort, placement  # noqa: F401  (shared fixtures)
