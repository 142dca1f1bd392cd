"""Alembic environment: the store passes its own connection (see ``engine.upgrade``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from assessment.store.tables import metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:  # the plain ``alembic`` command line, e.g. ``alembic revision --autogenerate``
    from assessment.store.engine import make_engine, writing

    with writing(make_engine()) as new_connection:
        run_migrations(new_connection)
