"""The publishing worker, run in the test process on the real ORM."""

import os
import subprocess
import sys

import pytest

from newsroom.articles.tasks import publishing as tasks
from newsroom.core.models import TaskRun

pytestmark = pytest.mark.django_db


def test_publish_article_of_a_missing_item_is_skipped() -> None:
    assert tasks.publish_article.delay(424242).get() == "not-found"
    runs = TaskRun.objects.filter(task=tasks.PUBLISH_ARTICLE)
    assert not runs.exists()


def test_the_worker_command_finds_every_task() -> None:
    script = (
        "from newsroom.celery import app; app.loader.import_default_modules();"
        "print(sorted(n for n in app.tasks if n.startswith('newsroom.publishing.')))"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings.test"}
    run = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    expected = ["newsroom.publishing.publish_article"]
    assert run.stdout.strip().splitlines()[-1] == str(expected)
