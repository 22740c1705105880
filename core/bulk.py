"""Plain INSERTs for many rows at once, faster than ``bulk_create`` where that matters.

``bulk_create`` spends most of its time preparing every single value through the model field; for the
scale generator's millions of rows and an import's ten thousand enrolments that is most of the cost. Here
values are adapted once per distinct date, time or decimal, and one statement per chunk is sent:
``INSERT ... SELECT * FROM unnest(<one array per column>)`` on PostgreSQL, a prepared statement run with
``executemany`` on SQLite.

What it skips, so callers must do it themselves: ``save()``, signals, ``auto_now``/``auto_now_add`` and
field defaults (pass every column you want set). Database constraints still apply, and it runs in the
caller's transaction. With ``returning`` it gives back those columns of the rows it wrote (``RETURNING``,
one multi-row statement per chunk on SQLite as well); match them to your rows by a key of your own rather
than by position, as neither database promises the order.
"""

from collections.abc import Iterable, Iterator, Sequence

from django.db import connection

_ADAPTED_TYPES = {"DateField", "TimeField", "DateTimeField", "DecimalField"}


def insert_rows(
    model,
    names: Sequence[str],
    rows: Iterable[Sequence],
    *,
    chunk_size: int = 10000,
    returning: Sequence[str] = (),
) -> int | list[tuple]:
    """Insert ``rows`` (tuples in the order of the field ``names``) into ``model``'s table; returns the
    number of rows written, or with ``returning`` (field names) those values of every row written."""
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)
    returned: list[tuple] = []
    tail = ""
    if returning:
        tail = " RETURNING " + ", ".join(quote(model._meta.get_field(name).column) for name in returning)
        converters = [_from_db(model._meta.get_field(name)) for name in returning]
    adapters = []
    for index, f in enumerate(fields):
        if f.get_internal_type() in _ADAPTED_TYPES:
            adapters.append((index, _cached_adapter(f)))

    if connection.vendor == "postgresql":
        # One statement per chunk with one array parameter per column: no per-row statements and no
        # client-side rendering of a query with thousands of placeholders (Django's cursor binds
        # client-side, so a plain psycopg cursor on the same connection and transaction is used).
        import psycopg

        casts = ", ".join(f"%s::{f.db_type(connection)}[]" for f in fields)
        sql = f"INSERT INTO {table} ({columns}) SELECT * FROM unnest({casts}){tail}"
        adapters = []  # psycopg adapts dates, times and decimals in arrays itself

        def flush(chunk):
            connection.ensure_connection()
            # wrap_database_errors: an IntegrityError is Django's, as from any other query.
            with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
                cursor.execute(sql, [list(column) for column in zip(*chunk, strict=True)])
                if returning:
                    returned.extend(cursor.fetchall())

    elif returning:
        # executemany cannot return rows: multi-row VALUES within SQLite's limit of bound parameters.
        one = "(" + ", ".join(["%s"] * len(fields)) + ")"
        per_statement = max(1, connection.features.max_query_params // len(fields))

        def flush(chunk):
            with connection.cursor() as cursor:
                for start in range(0, len(chunk), per_statement):
                    part = chunk[start : start + per_statement]
                    values = ", ".join([one] * len(part))
                    cursor.execute(
                        f"INSERT INTO {table} ({columns}) VALUES {values}{tail}", [v for row in part for v in row]
                    )
                    returned.extend(cursor.fetchall())

    else:
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"

        def flush(chunk):
            with connection.cursor() as cursor:
                cursor.executemany(sql, chunk)

    written = 0
    chunk = []
    for row in rows:
        if adapters:
            row = list(row)
            for index, adapt in adapters:
                row[index] = adapt(row[index])
        chunk.append(row)
        if len(chunk) >= chunk_size:
            flush(chunk)
            written += len(chunk)
            chunk = []
    if chunk:
        flush(chunk)
        written += len(chunk)
    if returning:
        return [tuple(convert(value) for convert, value in zip(converters, row, strict=True)) for row in returned]
    return written


def _from_db(field):
    """Database value to Python as a query would give it (SQLite returns dates as text)."""
    expression = field.get_col(field.model._meta.db_table)
    converters = connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
    if not converters:
        return lambda value: value

    def convert(value):
        for converter in converters:
            value = converter(value, expression, connection)
        return value

    return convert


def _cached_adapter(field):
    cache = {}

    def adapt(value):
        if value is None:
            return None
        try:
            return cache[value]
        except KeyError:
            result = cache[value] = field.get_db_prep_save(value, connection)
            return result

    return adapt


def lookup_chunks(values: Sequence, *, size: int = 2000) -> Iterator[Sequence]:
    """``values`` in slices for a ``__any_of`` lookup (core.lookups): all at once on PostgreSQL, where
    they travel as one array parameter; ``size`` at a time elsewhere (SQLite's bound parameters)."""
    if connection.vendor == "postgresql":
        size = max(len(values), 1)
    for start in range(0, len(values), size):
        yield values[start : start + size]
