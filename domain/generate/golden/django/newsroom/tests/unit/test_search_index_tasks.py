"""The search index worker, run in the test process on the real ORM."""

import os
import subprocess
import sys

import pytest

from newsroom.articles.tasks import search_index as tasks
from newsroom.core.models import TaskRun

pytestmark = pytest.mark.django_db


def test_index_article_of_a_missing_item_is_skipped() -> None:
    assert tasks.index_article.delay(424242).get() == "not-found"
    runs = TaskRun.objects.filter(task=tasks.INDEX_ARTICLE)
    assert not runs.exists()


def test_the_worker_command_finds_every_task() -> None:
    script = (
        "from newsroom.celery import app; app.loader.import_default_modules();"
        "print(sorted(n for n in app.tasks if n.startswith('newsroom.search_index.')))"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings.test"}
    run = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    expected = [
        "newsroom.search_index.index_article",
        "newsroom.search_index.sweep_index_article",
    ]
    assert run.stdout.strip().splitlines()[-1] == str(expected)
