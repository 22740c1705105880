"""Two membership lookups that keep PostgreSQL's plans and parameter binding cheap.

``field__any_of=[...]``: membership in a long list of values. ``__in`` binds one parameter per value;
with Django's client-side binding on psycopg 3, quoting ten thousand names costs about half a second per
query. ``= ANY(%s)`` sends the whole list as one array parameter. Other databases get a plain
``IN (...)``; give them at most ``core.bulk.lookup_chunks`` values at a time (SQLite's limit of bound
parameters).

``field__among=queryset``: membership in a subquery's results. PostgreSQL plans ``IN (subquery)`` as a
join and, when it overestimates the subquery, hashes the whole outer table (the staff start page scanned
all 67,000 placements to keep 484). ``= ANY(ARRAY(subquery))`` is computed once before the outer query
(an InitPlan) and answered through the outer table's index (figures: docs/benchmarks.md). Other databases get
the plain ``IN (subquery)``; the rows found are the same.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import CharField, Field, Lookup
from django.db.models.lookups import In
from django.db.models.sql.query import Query


@CharField.register_lookup
class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = [str(value) for value in self.rhs]
        if not values:
            raise EmptyResultSet
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*lhs_params, *values]

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = [str(value) for value in self.rhs]
        if not values:
            raise EmptyResultSet
        return f"{lhs} = ANY(%s::text[])", [*lhs_params, values]


@Field.register_lookup
class Among(In):
    lookup_name = "among"

    def get_prep_lookup(self):
        if not isinstance(self.rhs, Query):
            raise TypeError("__among takes a queryset; use __in or __any_of for a list of values.")
        return super().get_prep_lookup()

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)  # "(SELECT …)", parenthesised
        return f"{lhs} = ANY(ARRAY{rhs})", (*lhs_params, *rhs_params)
