"""Alembic environment: always called from mentorapp.db.migrate with an open connection."""

from alembic import context
from sqlmodel import SQLModel

import mentorapp.domain.models  # noqa: F401 - registers the tables on the metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
