"""The task ledger: one row per finished (task, id), which makes every task idempotent."""

from datetime import datetime

from sqlalchemy import DateTime, String, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column

from library.core.db import db


class TaskRun(db.Model):
    __tablename__ = "task_runs"
    __table_args__ = (UniqueConstraint("task", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task: Mapped[str] = mapped_column(String(200))
    item_id: Mapped[int]
    finished_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


def already_done(task: str, item_id: int) -> bool:
    query = select(TaskRun.id).where(TaskRun.task == task, TaskRun.item_id == item_id)
    return db.session.scalar(query) is not None


def mark_done(task: str, item_id: int) -> None:
    db.session.add(TaskRun(task=task, item_id=item_id))


def pending_after(task: str, ids: list[int]) -> list[int]:
    """The ids among `ids` the task has not handled yet."""
    if not ids:
        return []
    query = select(TaskRun.item_id).where(
        TaskRun.task == task, TaskRun.item_id.in_(ids)
    )
    done = set(db.session.scalars(query))
    return [item_id for item_id in ids if item_id not in done]
