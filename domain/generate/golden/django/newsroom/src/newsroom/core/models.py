"""The task ledger: one row per finished (task, item id); it makes every task idempotent."""

from django.db import models


class TaskRun(models.Model):
    task = models.CharField(max_length=200)
    item_id = models.BigIntegerField()
    finished_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The ledger's table has the same name in every Strata export, whatever the framework.
        db_table = "task_runs"
        constraints = [
            models.UniqueConstraint(fields=["task", "item_id"], name="task_run_once"),
        ]

    def __str__(self) -> str:
        return f"{self.task}({self.item_id})"
