"""Unit tests of the mailer worker: tasks run eagerly, once per id."""

import asyncio

from full import container
from full.core.db import task_session
from full.schemas.order import OrderCreate
from full.tasks.mailer import send_mail

ORDER = {"total": "9.99", "note": "Some longer text."}


async def seed() -> int:
    async with task_session() as session:
        service = container.order_service(session, lambda *args: None)
        created = await service.create_order(OrderCreate(**ORDER))
        await session.commit()
    return created.id


def test_send_mail_runs_once_per_id() -> None:
    item_id = asyncio.run(seed())
    assert send_mail(item_id) is True
    assert send_mail(item_id) is False
