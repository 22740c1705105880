"""How fast and how well the speed-dating schedule is solved. Run with `.venv/bin/python bench/speed_dating.py`.

Two events, generated with a fixed seed: the pilot (15 participants, 8 employers, 3 rounds, 8 tables) and a
county-wide one (500 participants, 60 employers, 6 rounds, 60 tables, 1–5 wishes each, some employers with
two tables or only some rounds, a tenth of the participants leaving early). For each: the time to the
returned schedule, whether it is proven optimal, its value and the gap to the solver's bound, plus the
greedy fallback's value for comparison. Targets: pilot proven optimal in under 1 s; county within 2 % of
the bound in under 10 s with 2 workers. No database is needed: the scheduler is pure.
"""

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from outcomes.scheduling import (  # noqa: E402
    Person,
    Problem,
    Talk,  # noqa: E402
    greedy,
    objective_of,
    solve,
    violations,
)


def event(*, people: int, firms: int, rounds: int, tables: int, seed: int, max_wishes: int) -> Problem:
    rng = random.Random(seed)
    everyone = frozenset(range(1, rounds + 1))
    employers = []
    for j in range(firms):
        rounds_there = everyone
        if rng.random() < 0.15:  # comes late or leaves early
            first = rng.randint(1, rounds)
            rounds_there = frozenset(range(first, rng.randint(first, rounds) + 1))
        employers.append(Person(f"e{j}", f"Träger {j}", rounds_there, seats=2 if rng.random() < 0.1 else 1))
    # Popularity follows a long tail: a few employers are wanted by many.
    weights = [1 / (1 + j) ** 0.7 for j in range(firms)]
    participants, wishes = [], {}
    for i in range(people):
        rounds_there = everyone if rng.random() > 0.1 else frozenset(range(1, rng.randint(1, rounds) + 1))
        participants.append(Person(f"p{i}", f"Teilnehmerin {i}", rounds_there))
        chosen = []
        while len(chosen) < rng.randint(1, max_wishes):
            pick = rng.choices(employers, weights)[0].key
            if pick not in chosen:
                chosen.append(pick)
        wishes[f"p{i}"] = tuple(chosen)
    marks = {e.key: frozenset(f"p{i}" for i in rng.sample(range(people), min(people, 4))) for e in employers[::3]}
    return Problem(rounds, tables, tuple(participants), tuple(employers), wishes, marks, max_talks=3)


def run(
    name: str, problem: Problem, *, time_limit: float, target_seconds: float, target_gap: float, stop_at_gap: float = 0
) -> bool:
    started = time.perf_counter()
    quick = greedy(problem)
    greedy_ms = (time.perf_counter() - started) * 1000
    greedy_value = objective_of(problem, [Talk(p, e, r, 0) for p, e, r in quick])
    schedule = solve(problem, time_limit=time_limit, workers=2, stop_at_gap=stop_at_gap)
    assert not violations(problem, schedule.talks)
    ok = schedule.seconds < target_seconds and schedule.gap <= target_gap
    print(
        f"{name}: {len(problem.participants)} participants, {len(problem.employers)} employers, "
        f"{problem.rounds} rounds, {problem.tables} tables\n"
        f"  {schedule.method}, proven optimal: {schedule.proven_optimal}, {schedule.seconds:.2f} s, "
        f"{len(schedule.talks)} talks, value {schedule.objective}, bound {schedule.bound}, "
        f"gap {schedule.gap * 100:.2f} %\n"
        f"  greedy alone: value {greedy_value} in {greedy_ms:.0f} ms\n"
        f"  target: {'met' if ok else 'MISSED'} (< {target_seconds:g} s, gap <= {target_gap * 100:g} %)"
    )
    return ok


def main() -> int:
    import ortools.graph.python.min_cost_flow  # noqa: F401 - load OR-Tools once, outside the timings
    import ortools.sat.python.cp_model  # noqa: F401

    missed = 0
    for seed in (2022, 2023, 2024):
        pilot = event(people=15, firms=8, rounds=3, tables=8, seed=seed, max_wishes=4)
        missed += not run(f"pilot (seed {seed})", pilot, time_limit=5, target_seconds=1, target_gap=0)
    for seed in (2022, 2023, 2024):
        county = event(people=500, firms=60, rounds=6, tables=60, seed=seed, max_wishes=5)
        missed += not run(
            f"county (seed {seed}), stop within 2 %",
            county,
            time_limit=8,
            target_seconds=10,
            target_gap=0.02,
            stop_at_gap=0.02,
        )
        missed += not run(f"county (seed {seed}), full 8 s", county, time_limit=8, target_seconds=10, target_gap=0.02)
    print(f"# {missed} target(s) missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
