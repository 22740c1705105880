"""attended_units_needed is the attendance rule "rate (1 decimal, half up) >= minimum" turned into the fewest
attended units: checked against the rate itself for every tenth of a unit, module size and minimum."""

from decimal import ROUND_HALF_UP, Decimal

from courses.selectors import attended_units_needed


def _rate(attended: Decimal, planned: int) -> Decimal:
    return (attended * 100 / planned).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def test_the_fewest_units_whose_rate_reaches_the_minimum():
    for planned in (1, 3, 7, 17, 20, 23, 40, 41, 160):
        for minimum in (0, 1, 50, 66, 67, 75, 80, 90, 100):
            needed = attended_units_needed(planned, minimum)
            for tenths in range(planned * 10 + 1):
                attended = Decimal(tenths) / 10
                assert (_rate(attended, planned) >= minimum) == (attended >= needed), (planned, minimum, attended)
