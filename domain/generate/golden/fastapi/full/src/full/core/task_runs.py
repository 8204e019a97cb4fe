"""The task ledger: one row per finished (task, id), which makes every task idempotent."""

from datetime import datetime

from sqlalchemy import (
    DateTime,
    String,
    UniqueConstraint,
    column,
    exists,
    func,
    select,
    table,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from full.core.db import Base


class TaskRun(Base):
    __tablename__ = "task_runs"
    __table_args__ = (UniqueConstraint("task", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task: Mapped[str] = mapped_column(String(200))
    item_id: Mapped[int]
    finished_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


async def already_done(session: AsyncSession, task: str, item_id: int) -> bool:
    query = select(TaskRun.id).where(TaskRun.task == task, TaskRun.item_id == item_id)
    return (await session.scalar(query)) is not None


def mark_done(session: AsyncSession, task: str, item_id: int) -> None:
    session.add(TaskRun(task=task, item_id=item_id))


# How many ids a sweep reads at a time.
SWEEP_BATCH = 500


async def pending_ids(
    session: AsyncSession, table_name: str, task: str, after: int, limit: int
) -> list[int]:
    """The next ids of a table after `after`, in id order, that `task` has not finished:
    one page of a sweep through every row (keyset paging, so no row is ever skipped)."""
    rows = table(table_name, column("id"))
    done = exists().where(TaskRun.task == task, TaskRun.item_id == rows.c.id)
    query = select(rows.c.id).where(rows.c.id > after, ~done).order_by(rows.c.id)
    return list(await session.scalars(query.limit(limit)))
