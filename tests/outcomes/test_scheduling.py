"""The scheduler: every schedule keeps every hard rule (checked by a checker written here, independent of
the module's own), on small instances its value equals a brute-force search, and impossible wishes are
explained, never raised."""

import itertools
import random
from collections import Counter

import pytest

from outcomes.scheduling import Person, Problem, Talk, candidates, greedy, objective_of, solve, violations


def independent_check(problem: Problem, talks: list[Talk]) -> None:
    """Asserts each hard rule directly on the talks."""
    participants = {p.key: p for p in problem.participants}
    employers = {e.key: e for e in problem.employers}
    assert all(1 <= t.round <= problem.rounds and 1 <= t.table <= problem.tables for t in talks)
    assert all(t.round in participants[t.participant].rounds for t in talks), "participant absent"
    assert all(t.round in employers[t.employer].rounds for t in talks), "employer absent"
    assert max(Counter(t.participant for t in talks).values(), default=0) <= problem.max_talks
    assert max(Counter((t.participant, t.employer) for t in talks).values(), default=0) <= 1, "pair twice"
    assert max(Counter((t.participant, t.round) for t in talks).values(), default=0) <= 1, "two places"
    assert max(Counter((t.round, t.table) for t in talks).values(), default=0) <= 1, "table twice"
    for (employer, _rnd), count in Counter((t.employer, t.round) for t in talks).items():
        assert count <= employers[employer].seats, "employer at more tables than it has people"


def random_problem(rng: random.Random, *, people: int, firms: int, rounds: int, tables: int) -> Problem:
    def presence():
        if rng.random() < 0.25:
            first = rng.randint(1, rounds)
            return frozenset(range(first, rng.randint(first, rounds) + 1))
        return frozenset(range(1, rounds + 1))

    participants = tuple(Person(f"p{i}", f"P{i}", presence()) for i in range(people))
    employers = tuple(Person(f"e{j}", f"E{j}", presence(), seats=rng.choice([1, 1, 1, 2])) for j in range(firms))
    keys = [e.key for e in employers]
    wishes = {p.key: tuple(rng.sample(keys, rng.randint(0, min(3, firms)))) for p in participants}
    marks = {
        e.key: frozenset(p.key for p in participants if rng.random() < 0.2) for e in employers if rng.random() < 0.5
    }
    return Problem(rounds, tables, participants, employers, wishes, marks, max_talks=rng.randint(1, 3))


def brute_force(problem: Problem) -> int:
    """The best objective over every subset of candidate talks that keeps the rules (tables counted per
    round, since tables are interchangeable)."""
    options = [(p, e, r) for p, e, r, _w in candidates(problem)]
    best = 0
    for size in range(len(options) + 1):
        for subset in itertools.combinations(options, size):
            talks = [Talk(p, e, r, 1) for p, e, r in subset]
            if Counter(r for _p, _e, r in subset) and max(Counter(r for _p, _e, r in subset).values()) > problem.tables:
                continue
            numbered = []
            seen = Counter()
            for t in talks:
                seen[t.round] += 1
                numbered.append(Talk(t.participant, t.employer, t.round, seen[t.round]))
            if not violations(problem, numbered):
                best = max(best, objective_of(problem, numbered))
    return best


@pytest.mark.parametrize("seed", range(40))
def test_every_schedule_keeps_every_hard_rule(seed):
    rng = random.Random(seed)
    problem = random_problem(
        rng, people=rng.randint(1, 25), firms=rng.randint(1, 8), rounds=rng.randint(1, 4), tables=rng.randint(1, 8)
    )
    schedule = solve(problem, time_limit=2)
    independent_check(problem, schedule.talks)
    assert violations(problem, schedule.talks) == []
    assert schedule.objective == objective_of(problem, schedule.talks)
    assert schedule.objective <= schedule.bound


@pytest.mark.parametrize("seed", range(25))
def test_greedy_fallback_keeps_every_hard_rule(seed):
    rng = random.Random(1000 + seed)
    problem = random_problem(
        rng, people=rng.randint(1, 30), firms=rng.randint(1, 8), rounds=rng.randint(1, 5), tables=rng.randint(1, 6)
    )
    schedule = solve(problem, use_solver=False)
    assert schedule.method == "greedy" and not schedule.proven_optimal
    independent_check(problem, schedule.talks)


@pytest.mark.parametrize("seed", range(30))
def test_optimum_equals_brute_force_on_small_instances(seed):
    rng = random.Random(5000 + seed)
    problem = random_problem(
        rng, people=rng.randint(1, 4), firms=rng.randint(1, 3), rounds=rng.randint(1, 2), tables=rng.randint(1, 3)
    )
    if len(candidates(problem)) > 12:
        problem = Problem(
            problem.rounds,
            problem.tables,
            problem.participants[:2],
            problem.employers,
            problem.participant_wishes,
            problem.employer_wishes,
            problem.max_talks,
        )
    schedule = solve(problem, time_limit=5)
    assert schedule.proven_optimal
    assert schedule.objective == brute_force(problem)


def test_mutual_wishes_count_most():
    both = Problem(
        1,
        1,
        (Person("a", "A", frozenset({1})), Person("b", "B", frozenset({1}))),
        (Person("e", "E", frozenset({1})),),
        {"a": ("e",), "b": ("e",)},
        {"e": frozenset({"b"})},
    )
    schedule = solve(both)
    assert [t.participant for t in schedule.talks] == ["b"]


def test_nobody_gets_zero_while_someone_gets_three_if_it_can_be_avoided():
    everyone = frozenset({1, 2, 3})
    firms = tuple(Person(f"e{j}", f"E{j}", everyone) for j in range(3))
    # "a" wants all three first; "b" wants only e0, second. One table: three talks in all.
    problem = Problem(
        3,
        1,
        (Person("a", "A", everyone), Person("b", "B", everyone)),
        firms,
        {"a": ("e0", "e1", "e2"), "b": ("e1",)},
        {},
    )
    talks = solve(problem).talks
    assert Counter(t.participant for t in talks) == {"a": 2, "b": 1}


def test_an_employer_only_in_round_three_wanted_by_ten_is_explained():
    participants = tuple(Person(f"p{i}", f"Teilnehmerin {i}", frozenset({1, 2, 3})) for i in range(10))
    late = Person("late", "Kita Sonnenschein", frozenset({3}))
    problem = Problem(3, 5, participants, (late,), {p.key: ("late",) for p in participants}, {})
    schedule = solve(problem)
    assert len(schedule.talks) == 1
    assert any(
        "Kita Sonnenschein is wanted by 10 people but can hold only 1 talk (round 3)" in note
        for note in schedule.explanations
    )


def test_nonsense_input_is_explained_not_raised():
    problem = Problem(
        2,
        3,
        (Person("a", "A", frozenset({5})),),
        (Person("e", "E", frozenset({1, 2})),),
        {"a": ("e", "unknown")},
        {"nobody": frozenset({"a"})},
    )
    schedule = solve(problem)
    assert schedule.talks == []
    assert any("A is not there in any round" in note for note in schedule.explanations)
    assert any("never there in the same round" in note for note in schedule.explanations)


def test_an_event_without_wishes_is_an_empty_optimal_schedule():
    problem = Problem(3, 2, (Person("a", "A", frozenset({1, 2, 3})),), (Person("e", "E", frozenset({1})),))
    schedule = solve(problem)
    assert schedule.talks == [] and schedule.proven_optimal and schedule.gap == 0


def test_violations_name_the_broken_rule():
    everyone = frozenset({1, 2})
    problem = Problem(
        2,
        2,
        (Person("a", "Amal", everyone), Person("b", "Ayşe", frozenset({1}))),
        (Person("e", "AWO Kita", everyone), Person("f", "Caritas", everyone)),
        max_talks=1,
    )
    talks = [Talk("a", "e", 1, 1), Talk("a", "f", 2, 1), Talk("b", "f", 2, 1)]
    found = violations(problem, talks)
    assert "Amal has 2 talks; at most 1 are allowed." in found
    assert "Ayşe is not there in round 2." in found
    assert "Table 1 has 2 talks in round 2." in found
    assert "Caritas has 2 talks in round 2 but only 1 table(s)." in found


def test_greedy_alone_is_valid_on_the_pilot_size():
    rng = random.Random(7)
    problem = random_problem(rng, people=15, firms=8, rounds=3, tables=8)
    chosen = greedy(problem)
    assert len({(p, e) for p, e, _r in chosen}) == len(chosen)
