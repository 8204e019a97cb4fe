"""Unit tests of the audit worker: tasks run eagerly, once per id."""

import asyncio

from full.tasks.audit import run_audit


async def seed() -> int:
    return 1


def test_run_audit_runs_once_per_id() -> None:
    item_id = asyncio.run(seed())
    assert run_audit(item_id) is True
    assert run_audit(item_id) is False
