"""The speed-dating schedule: which participant talks to which employer in which round at which table.

Pure: no database, no clock besides the solver's own time limit. The pages turn an event into a
``Problem`` (selectors.schedule_problem) and store the ``Schedule`` it returns (services.schedule_event).

Hard rules (``violations`` checks them, the solver never breaks them):
- a participant has at most ``max_talks`` talks; no pair meets twice;
- nobody is in two places in one round; a table holds one talk per round, so an employer has at most one
  talk per table per round (an employer who brings several people has ``seats`` tables at once);
- a talk happens only in a round where both are present.

The objective, in one number: every talk scores its wish weight (``pair_weight``: the participant's rank,
the employer's mark, and a bonus when both wished it, so mutual wishes count most), and every participant
who gets at least one talk scores ``cover_weight`` on top. That bonus is larger than any single talk's
weight, so "nobody gets zero talks while someone else gets three" is avoided whenever moving one talk can
avoid it. Only pairs that at least one side wished are considered: a talk nobody asked for wastes a round.

OR-Tools CP-SAT solves it with a time limit, started from the greedy schedule as a hint; if it finds
nothing in time (or is missing), the greedy schedule is the answer. The result says which it was, whether
it is proven optimal, and the gap to the solver's bound.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

Key = Hashable

# Weights of a participant's wish by rank (1 = first choice); ranks beyond the table weigh 1.
RANK_WEIGHTS = {1: 5, 2: 4, 3: 3, 4: 2}
EMPLOYER_MARK_WEIGHT = 3
MUTUAL_BONUS = 4


@dataclass(frozen=True)
class Person:
    """A participant or an employer at the event. ``rounds`` are the rounds they are there (1-based);
    ``seats`` is how many tables an employer fills at once (participants: 1)."""

    key: Key
    label: str
    rounds: frozenset[int]
    seats: int = 1


@dataclass(frozen=True)
class Problem:
    rounds: int
    tables: int
    participants: tuple[Person, ...]
    employers: tuple[Person, ...]
    # participant key -> employer keys, first choice first
    participant_wishes: dict[Key, tuple[Key, ...]] = field(default_factory=dict)
    # employer key -> participant keys the employer would like to meet
    employer_wishes: dict[Key, frozenset[Key]] = field(default_factory=dict)
    max_talks: int = 3


@dataclass(frozen=True)
class Talk:
    participant: Key
    employer: Key
    round: int
    table: int


@dataclass
class Schedule:
    talks: list[Talk]
    # "optimal"; "feasible" (solver, time limit reached); "relaxation" (the relaxation's pairs fitted into
    # rounds, already within the asked gap); "greedy" (the fallback)
    method: str
    proven_optimal: bool
    objective: int
    bound: int
    seconds: float
    explanations: list[str] = field(default_factory=list)

    @property
    def gap(self) -> float:
        """Relative distance to the best possible value the solver could prove (0.0 = optimal)."""
        if self.bound <= 0:
            return 0.0
        return max(0.0, (self.bound - self.objective) / self.bound)


def pair_weight(problem: Problem, participant: Key, employer: Key) -> int:
    """What one talk is worth: the participant's rank, the employer's mark, more when both wished it."""
    ranked = problem.participant_wishes.get(participant, ())
    weight = 0
    by_participant = employer in ranked
    by_employer = participant in problem.employer_wishes.get(employer, frozenset())
    if by_participant:
        weight += RANK_WEIGHTS.get(ranked.index(employer) + 1, 1)
    if by_employer:
        weight += EMPLOYER_MARK_WEIGHT
    if by_participant and by_employer:
        weight += MUTUAL_BONUS
    return weight


def cover_weight(problem: Problem) -> int:
    return RANK_WEIGHTS[1] + EMPLOYER_MARK_WEIGHT + MUTUAL_BONUS + 1


def objective_of(problem: Problem, talks: Iterable[Talk]) -> int:
    talks = list(talks)
    covered = {t.participant for t in talks}
    return sum(pair_weight(problem, t.participant, t.employer) for t in talks) + cover_weight(problem) * len(covered)


# --- what may be scheduled ----------------------------------------------------------------------------


def _valid_rounds(problem: Problem, person: Person) -> frozenset[int]:
    return frozenset(r for r in person.rounds if 1 <= r <= problem.rounds)


def candidates(problem: Problem) -> list[tuple[Key, Key, int, int]]:
    """Every (participant, employer, round, weight) a talk could take: a wished pair, both present."""
    employers = {e.key: e for e in problem.employers}
    participants = {p.key: p for p in problem.participants}
    pairs: set[tuple[Key, Key]] = set()
    for p, wished in problem.participant_wishes.items():
        pairs.update((p, e) for e in wished)
    for e, wished in problem.employer_wishes.items():
        pairs.update((p, e) for p in wished)
    result = []
    for p, e in sorted(pairs, key=lambda pair: (str(pair[0]), str(pair[1]))):
        if p not in participants or e not in employers or employers[e].seats < 1:
            continue
        weight = pair_weight(problem, p, e)
        common = _valid_rounds(problem, participants[p]) & _valid_rounds(problem, employers[e])
        result.extend((p, e, r, weight) for r in sorted(common))
    return result


# --- the independent check ----------------------------------------------------------------------------


# Rules the database also guards (unique constraints on Talk): a manual move can never break them.
DATABASE_RULES = frozenset({"unknown", "round", "table", "pair_twice", "table_twice", "two_places"})


def violations(problem: Problem, talks: Iterable[Talk]) -> list[str]:
    """Every hard rule the talks break, in words (empty: the schedule is valid)."""
    return [message for _rule, message in rule_violations(problem, talks)]


def rule_violations(problem: Problem, talks: Iterable[Talk]) -> list[tuple[str, str]]:
    """(rule, message) for every broken rule; the rules are named for the move page (DATABASE_RULES)."""
    participants = {p.key: p for p in problem.participants}
    employers = {e.key: e for e in problem.employers}
    problems: list[tuple[str, str]] = []
    per_participant: dict[Key, int] = defaultdict(int)
    pairs: dict[tuple[Key, Key], int] = defaultdict(int)
    seats_taken: dict[tuple[int, int], list[Talk]] = defaultdict(list)
    participant_round: dict[tuple[Key, int], int] = defaultdict(int)
    employer_round: dict[tuple[Key, int], int] = defaultdict(int)

    def name(people, key):
        return people[key].label if key in people else str(key)

    for talk in talks:
        p, e = participants.get(talk.participant), employers.get(talk.employer)
        if p is None or e is None:
            problems.append(("unknown", _("A talk names someone who is not at the event.")))
            continue
        if not (1 <= talk.round <= problem.rounds):
            problems.append(("round", _("Round %(round)d does not exist.") % {"round": talk.round}))
        if not (1 <= talk.table <= problem.tables):
            problems.append(("table", _("Table %(table)d does not exist.") % {"table": talk.table}))
        if talk.round not in p.rounds:
            problems.append(
                ("absent", _("%(name)s is not there in round %(round)d.") % {"name": p.label, "round": talk.round})
            )
        if talk.round not in e.rounds:
            problems.append(
                ("absent", _("%(name)s is not there in round %(round)d.") % {"name": e.label, "round": talk.round})
            )
        per_participant[p.key] += 1
        pairs[(p.key, e.key)] += 1
        seats_taken[(talk.round, talk.table)].append(talk)
        participant_round[(p.key, talk.round)] += 1
        employer_round[(e.key, talk.round)] += 1
    for key, count in per_participant.items():
        if count > problem.max_talks:
            problems.append(
                (
                    "max_talks",
                    _("%(name)s has %(count)d talks; at most %(max)d are allowed.")
                    % {"name": name(participants, key), "count": count, "max": problem.max_talks},
                )
            )
    for (p, e), count in pairs.items():
        if count > 1:
            problems.append(
                (
                    "pair_twice",
                    _("%(participant)s meets %(employer)s %(count)d times.")
                    % {"participant": name(participants, p), "employer": name(employers, e), "count": count},
                )
            )
    for (rnd, table), there in seats_taken.items():
        if len(there) > 1:
            problems.append(
                (
                    "table_twice",
                    _("Table %(table)d has %(count)d talks in round %(round)d.")
                    % {"table": table, "count": len(there), "round": rnd},
                )
            )
    for (key, rnd), count in participant_round.items():
        if count > 1:
            problems.append(
                (
                    "two_places",
                    _("%(name)s is in %(count)d places in round %(round)d.")
                    % {"name": name(participants, key), "count": count, "round": rnd},
                )
            )
    for (key, rnd), count in employer_round.items():
        seats = employers[key].seats if key in employers else 1
        if count > seats:
            problems.append(
                (
                    "seats",
                    _("%(name)s has %(count)d talks in round %(round)d but only %(seats)d table(s).")
                    % {"name": name(employers, key), "count": count, "round": rnd, "seats": seats},
                )
            )
    return problems


# --- tables -------------------------------------------------------------------------------------------


def assign_tables(problem: Problem, chosen: Iterable[tuple[Key, Key, int]]) -> list[Talk]:
    """Give (participant, employer, round) talks their tables: each employer keeps its own table(s) where
    there are enough for everyone, so participants move and employers stay; otherwise any free table."""
    home: dict[Key, list[int]] = {}
    next_table = 1
    for employer in problem.employers:
        home[employer.key] = list(range(next_table, min(next_table + employer.seats, problem.tables + 1)))
        next_table += employer.seats
    by_round: dict[int, list[tuple[Key, Key]]] = defaultdict(list)
    for p, e, r in chosen:
        by_round[r].append((p, e))
    talks: list[Talk] = []
    for rnd in sorted(by_round):
        free = set(range(1, problem.tables + 1))
        waiting = []
        for p, e in sorted(by_round[rnd], key=lambda pe: (str(pe[1]), str(pe[0]))):
            table = next((t for t in home.get(e, []) if t in free), None)
            if table is None:
                waiting.append((p, e))
            else:
                free.discard(table)
                talks.append(Talk(p, e, rnd, table))
        for p, e in waiting:
            table = min(free)
            free.discard(table)
            talks.append(Talk(p, e, rnd, table))
    return sorted(talks, key=lambda t: (t.round, t.table))


# --- greedy -------------------------------------------------------------------------------------------


def greedy(problem: Problem) -> list[tuple[Key, Key, int]]:
    """A quick valid schedule: in turns, everyone with the fewest talks gets their best remaining talk."""
    options: dict[Key, list[tuple[int, Key, int]]] = defaultdict(list)
    for p, e, r, w in candidates(problem):
        options[p].append((w, e, r))
    for p in options:
        options[p].sort(key=lambda item: (-item[0], item[2], str(item[1])))
    employers = {e.key: e for e in problem.employers}
    talks_of: dict[Key, int] = defaultdict(int)
    busy_participant: set[tuple[Key, int]] = set()
    employer_load: dict[tuple[Key, int], int] = defaultdict(int)
    round_load: dict[int, int] = defaultdict(int)
    met: set[tuple[Key, Key]] = set()
    chosen: list[tuple[Key, Key, int]] = []
    for turn in range(problem.max_talks):
        order = sorted(options, key=lambda p: (talks_of[p], -(options[p][0][0] if options[p] else 0), str(p)))
        for p in order:
            if talks_of[p] != turn:
                continue
            for _w, e, r in options[p]:
                if (
                    (p, e) in met
                    or (p, r) in busy_participant
                    or employer_load[(e, r)] >= employers[e].seats
                    or round_load[r] >= problem.tables
                ):
                    continue
                chosen.append((p, e, r))
                met.add((p, e))
                busy_participant.add((p, r))
                employer_load[(e, r)] += 1
                round_load[r] += 1
                talks_of[p] += 1
                break
    return chosen


# --- the solver ---------------------------------------------------------------------------------------


# Up to this many candidate talks the solver works on the whole model (a pilot-size event has ~150 and is
# proven optimal at once); above it, on the pairs the relaxation chose (docs/benchmarks.md, "Speed dating").
WHOLE_MODEL_LIMIT = 2500


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    workers: int = 2,
    use_solver: bool = True,
    stop_at_gap: float = 0.0,
) -> Schedule:
    """The best schedule found within ``time_limit`` seconds (or as soon as it is within ``stop_at_gap``
    of the bound). Never raises for bad input: what makes wishes impossible comes back as ``explanations``.

    Steps: the greedy schedule (the fallback); the pair relaxation (an exact upper bound, and pairs that
    the greedy fits into rounds for a better start); then CP-SAT from the better start."""
    started = time.perf_counter()
    explanations = input_problems(problem)
    cands = candidates(problem)
    chosen = greedy(problem)
    value = objective_of(problem, _as_talks(chosen))
    method, optimal, bound = "greedy", False, _upper_bound(problem, cands)
    if not cands:
        optimal, bound = True, 0
    elif use_solver:
        try:
            bound, pairs = pair_relaxation(problem, cands)
            fitted = greedy_rounds(problem, cands, pairs)
            if objective_of(problem, _as_talks(fitted)) > value:
                chosen, value, method = fitted, objective_of(problem, _as_talks(fitted)), "relaxation"
            small = len(cands) <= WHOLE_MODEL_LIMIT
            if value < bound and (small or not (stop_at_gap and value >= bound * (1 - stop_at_gap))):
                whole = small
                solved = _cp_sat(
                    problem,
                    cands if whole else [c for c in cands if (c[0], c[1]) in pairs],
                    chosen,
                    time_limit=max(0.05, time_limit - (time.perf_counter() - started)),
                    workers=workers,
                    # A small event is always solved to the proof; the gap only shortens large ones.
                    target=int(bound * (1 - stop_at_gap)) if stop_at_gap and not whole else None,
                )
                if solved is None:
                    explanations.append(_("The solver found no schedule in time; the simple schedule is used instead."))
                else:
                    picked, is_optimal, solver_bound = solved
                    if objective_of(problem, _as_talks(picked)) >= value:
                        chosen, value, method = picked, objective_of(problem, _as_talks(picked)), "feasible"
                    if whole:
                        bound = min(bound, solver_bound)
                        optimal = is_optimal
            optimal = optimal or value >= bound
            if method in ("greedy", "relaxation") and value >= bound:
                method = "feasible"
            if optimal:
                method = "optimal"
        except ImportError:  # pragma: no cover - ortools is a dependency; the greedy schedule still works
            explanations.append(_("The solver is not installed; the simple schedule is used instead."))
    talks = assign_tables(problem, chosen)
    objective = objective_of(problem, talks)
    explanations.extend(unfulfilled(problem, talks))
    return Schedule(
        talks, method, optimal, objective, max(bound, objective), time.perf_counter() - started, explanations
    )


def _as_talks(chosen) -> list[Talk]:
    return [Talk(p, e, r, 0) for p, e, r in chosen]


def _upper_bound(problem: Problem, cands) -> int:
    """A simple bound without the solver: each participant's best ``max_talks`` pairs, plus the cover."""
    best: dict[Key, dict[Key, int]] = defaultdict(dict)
    for p, e, _r, w in cands:
        best[p][e] = w
    return sum(
        sum(sorted(weights.values(), reverse=True)[: problem.max_talks]) + cover_weight(problem)
        for weights in best.values()
    )


def pair_relaxation(problem: Problem, cands) -> tuple[int, set[tuple[Key, Key]]]:
    """Who meets whom with the rounds left out (each side only limited by how many talks it can hold):
    a min-cost flow, solved exactly. Every schedule is also a solution of it, so its value bounds every
    schedule from above, and its pairs are a good start for fitting into rounds."""
    from ortools.graph.python import min_cost_flow

    employers = {e.key: e for e in problem.employers}
    participants = {p.key: p for p in problem.participants}
    weight: dict[tuple[Key, Key], int] = {}
    for p, e, _r, w in cands:
        weight[(p, e)] = w
    if not weight:
        return 0, set()
    p_keys = sorted({p for p, _e in weight}, key=str)
    e_keys = sorted({e for _p, e in weight}, key=str)
    p_node = {p: 2 + i for i, p in enumerate(p_keys)}
    e_node = {e: 2 + len(p_keys) + j for j, e in enumerate(e_keys)}
    source, sink, total = 0, 1, 2 + len(p_keys) + len(e_keys)
    flow = min_cost_flow.SimpleMinCostFlow()
    cover = cover_weight(problem)
    supply = 0
    for p in p_keys:
        limit = min(problem.max_talks, len(_valid_rounds(problem, participants[p])))
        supply += limit
        # A participant's first talk is worth ``cover`` more than the others: concave, so still a flow.
        flow.add_arc_with_capacity_and_unit_cost(source, p_node[p], 1, -cover)
        if limit > 1:
            flow.add_arc_with_capacity_and_unit_cost(source, p_node[p], limit - 1, 0)
    pair_arcs = {
        pair: flow.add_arc_with_capacity_and_unit_cost(p_node[pair[0]], e_node[pair[1]], 1, -w)
        for pair, w in weight.items()
    }
    for e in e_keys:
        capacity = len(_valid_rounds(problem, employers[e])) * employers[e].seats
        flow.add_arc_with_capacity_and_unit_cost(e_node[e], total, capacity, 0)
    flow.add_arc_with_capacity_and_unit_cost(total, sink, problem.rounds * problem.tables, 0)
    flow.add_arc_with_capacity_and_unit_cost(source, sink, supply, 0)  # talks not held
    flow.set_node_supply(source, supply)
    flow.set_node_supply(sink, -supply)
    if flow.solve() != flow.OPTIMAL:
        return _upper_bound(problem, cands), set()
    pairs = {pair for pair, arc in pair_arcs.items() if flow.flow(arc) > 0}
    return -flow.optimal_cost(), pairs


def greedy_rounds(problem: Problem, cands, pairs) -> list[tuple[Key, Key, int]]:
    """Chosen pairs into rounds, the pairs with the fewest possible rounds first."""
    employers = {e.key: e for e in problem.employers}
    rounds_of: dict[tuple[Key, Key], list[int]] = defaultdict(list)
    for p, e, r, _w in cands:
        if (p, e) in pairs:
            rounds_of[(p, e)].append(r)
    busy: set[tuple[Key, int]] = set()
    load: dict[tuple[Key, int], int] = defaultdict(int)
    round_load: dict[int, int] = defaultdict(int)
    chosen = []
    for (p, e), rounds in sorted(rounds_of.items(), key=lambda item: (len(item[1]), str(item[0]))):
        for r in sorted(rounds, key=lambda r: round_load[r]):
            if (p, r) in busy or load[(e, r)] >= employers[e].seats or round_load[r] >= problem.tables:
                continue
            chosen.append((p, e, r))
            busy.add((p, r))
            load[(e, r)] += 1
            round_load[r] += 1
            break
    return chosen


def _cp_sat(problem: Problem, cands, hint, *, time_limit: float, workers: int, target: int | None = None):
    from ortools.sat.python import cp_model

    employers = {e.key: e for e in problem.employers}
    model = cp_model.CpModel()
    x = {}
    by_pair: dict[tuple[Key, Key], list] = defaultdict(list)
    by_participant_round: dict[tuple[Key, int], list] = defaultdict(list)
    by_employer_round: dict[tuple[Key, int], list] = defaultdict(list)
    by_round: dict[int, list] = defaultdict(list)
    by_participant: dict[Key, list] = defaultdict(list)
    terms = []
    for p, e, r, w in cands:
        var = model.new_bool_var("")
        x[(p, e, r)] = var
        by_pair[(p, e)].append(var)
        by_participant_round[(p, r)].append(var)
        by_employer_round[(e, r)].append(var)
        by_round[r].append(var)
        by_participant[p].append(var)
        terms.append(w * var)
    for group in by_pair.values():
        if len(group) > 1:
            model.add_at_most_one(group)
    for group in by_participant_round.values():
        if len(group) > 1:
            model.add_at_most_one(group)
    for (e, _r), group in by_employer_round.items():
        if len(group) > employers[e].seats:
            model.add(sum(group) <= employers[e].seats)
    for group in by_round.values():
        if len(group) > problem.tables:
            model.add(sum(group) <= problem.tables)
    cover = cover_weight(problem)
    chosen_hint = set(hint)
    hinted_participants = {p for p, _e, _r in hint}
    for p, group in by_participant.items():
        if len(group) > problem.max_talks:
            model.add(sum(group) <= problem.max_talks)
        # covered <= number of talks: worth ``cover`` only with at least one talk.
        covered = model.new_bool_var("")
        model.add(covered <= sum(group))
        model.add_hint(covered, 1 if p in hinted_participants else 0)
        terms.append(cover * covered)
    # Redundant: what an employer can hold over the whole event (helps the LP bound).
    by_employer: dict[Key, list] = defaultdict(list)
    for (e, _r), group in by_employer_round.items():
        by_employer[e].extend(group)
    for e, group in by_employer.items():
        rounds_there = {r for (emp, r) in by_employer_round if emp == e}
        capacity = len(rounds_there) * employers[e].seats
        if len(group) > capacity:
            model.add(sum(group) <= capacity)
    model.maximize(sum(terms))
    for key, var in x.items():
        model.add_hint(var, 1 if key in chosen_hint else 0)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, float(time_limit))
    solver.parameters.num_workers = max(1, int(workers))
    callback = _StopAt(target) if target is not None else None
    status = solver.solve(model, callback)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    picked = [key for key, var in x.items() if solver.boolean_value(var)]
    return picked, status == cp_model.OPTIMAL, int(round(solver.best_objective_bound))


def _stop_at_class():
    from ortools.sat.python import cp_model

    class StopAt(cp_model.CpSolverSolutionCallback):
        """Ends the search once a schedule is as good as asked (within the gap to the relaxation's bound)."""

        def __init__(self, target: int):
            super().__init__()
            self.target = target

        def on_solution_callback(self):
            if self.objective_value >= self.target:
                self.stop_search()

    return StopAt


def _StopAt(target: int):  # noqa: N802 - builds the callback class only when OR-Tools is loaded
    return _stop_at_class()(target)


# --- explanations -------------------------------------------------------------------------------------


def input_problems(problem: Problem) -> list[str]:
    """Input that makes some wishes impossible before any solving: said plainly, never raised."""
    notes = []
    if problem.rounds < 1 or problem.tables < 1:
        notes.append(_("The event needs at least one round and one table."))
    if problem.max_talks < 1:
        notes.append(_("Each participant needs at least one talk allowed."))
    for person in problem.participants + problem.employers:
        if not _valid_rounds(problem, person):
            notes.append(_("%(name)s is not there in any round.") % {"name": person.label})
    return notes


def unfulfilled(problem: Problem, talks: list[Talk]) -> list[str]:
    """Why wishes stayed open, where the reason is the event's limits rather than other wishes."""
    participants = {p.key: p for p in problem.participants}
    employers = {e.key: e for e in problem.employers}
    notes = []
    demand: dict[Key, set[Key]] = defaultdict(set)
    for p, wished in problem.participant_wishes.items():
        for e in wished:
            demand[e].add(p)
    for e, wished in problem.employer_wishes.items():
        demand[e].update(wished)
    for e_key, wanted_by in sorted(demand.items(), key=lambda item: str(item[0])):
        employer = employers.get(e_key)
        if employer is None:
            continue
        rounds = _valid_rounds(problem, employer)
        capacity = len(rounds) * employer.seats
        if len(wanted_by) > capacity:
            notes.append(
                ngettext(
                    "%(name)s is wanted by %(wanted)d people but can hold only %(capacity)d talk (%(rounds)s).",
                    "%(name)s is wanted by %(wanted)d people but can hold only %(capacity)d talks (%(rounds)s).",
                    capacity,
                )
                % {
                    "name": employer.label,
                    "wanted": len(wanted_by),
                    "capacity": capacity,
                    "rounds": _rounds_text(rounds),
                }
            )
    for p, wished in problem.participant_wishes.items():
        person = participants.get(p)
        if person is None:
            continue
        for e in wished:
            employer = employers.get(e)
            if employer is None:
                continue
            if not (_valid_rounds(problem, person) & _valid_rounds(problem, employer)):
                notes.append(
                    _("%(participant)s and %(employer)s are never there in the same round.")
                    % {"participant": person.label, "employer": employer.label}
                )
    talked = {t.participant for t in talks}
    wishless = [
        p.label
        for p in problem.participants
        if p.key not in talked
        and not problem.participant_wishes.get(p.key)
        and not any(p.key in w for w in problem.employer_wishes.values())
    ]
    if wishless:
        notes.append(_("No talk without a wish: %(names)s.") % {"names": ", ".join(wishless)})
    return notes


def _rounds_text(rounds: frozenset[int]) -> str:
    if not rounds:
        return _("no round")
    return ngettext("round %(list)s", "rounds %(list)s", len(rounds)) % {
        "list": ", ".join(str(r) for r in sorted(rounds))
    }
