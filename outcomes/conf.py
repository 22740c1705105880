"""The outcomes app's settings, read from Django settings at call time (so tests can override them).

- OUTCOMES_FOLLOW_UP_MONTHS ((0, 3, 6)): when outcomes are asked after the end of the measure (0 = at the end);
  practice, not law.
"""

from core.conf import Setting

follow_up_months = Setting("OUTCOMES_FOLLOW_UP_MONTHS", (0, 3, 6), convert=tuple)
