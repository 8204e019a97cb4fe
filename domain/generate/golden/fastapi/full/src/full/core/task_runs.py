"""The task ledger: one row per finished (task, id), which makes every task idempotent."""

from datetime import datetime

from sqlalchemy import DateTime, String, UniqueConstraint, func, select
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


async def done_ids(session: AsyncSession, task: str) -> set[int]:
    query = select(TaskRun.item_id).where(TaskRun.task == task)
    return set(await session.scalars(query))
