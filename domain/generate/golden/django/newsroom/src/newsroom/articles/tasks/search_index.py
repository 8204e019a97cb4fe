"""Tasks of the search index worker: idempotent, taking ids, retried with backoff."""

import logging

from celery import Task, shared_task
from django.db import OperationalError
from kombu.exceptions import OperationalError as BrokerError

from newsroom.articles.services import ArticleService
from newsroom.core.errors import TaskQueueUnavailableError, UpstreamUnavailableError
from newsroom.core.ledger import Outcome, run_once

logger = logging.getLogger(__name__)


INDEX_ARTICLE = "search_index.index_article"
SWEEP_BATCH = 500


@shared_task(
    bind=True,
    name="newsroom.search_index.index_article",
    # Transient failures only; a 4xx from an external API or a bug is not retried.
    autoretry_for=(OperationalError, UpstreamUnavailableError, ConnectionError),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=5,
)
def index_article(self: Task, article_id: int) -> Outcome:
    """Idempotent: a second run for the same id changes nothing."""
    logger.info("index_article(%s), attempt %s", article_id, self.request.retries + 1)
    return run_once(INDEX_ARTICLE, article_id, ArticleService().index_article)


def enqueue_index_article(article_id: int) -> None:
    """Enqueues index_article; raises TaskQueueUnavailableError when the broker does not take
    it (the API answers 503, nothing is lost silently)."""
    try:
        index_article.delay(article_id)
    except (BrokerError, OSError) as error:
        message = f"The task queue is unavailable: index_article for article {article_id} was not queued; retry later."
        raise TaskQueueUnavailableError(message) from error


@shared_task(name="newsroom.search_index.sweep_index_article")
def sweep_index_article() -> int:
    """Enqueues index_article for every article not handled yet, page by page
    through all rows."""
    enqueued, after_id = 0, 0
    pending = ArticleService().articles_pending
    while batch := pending(INDEX_ARTICLE, after_id, SWEEP_BATCH):
        for article_id in batch:
            index_article.delay(article_id)
        enqueued += len(batch)
        after_id = batch[-1]
    logger.info("sweep_index_article: enqueued %s", enqueued)
    return enqueued
