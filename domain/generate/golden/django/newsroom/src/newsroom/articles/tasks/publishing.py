"""Tasks of the publishing worker: idempotent, taking ids, retried with backoff."""

import logging

from celery import Task, shared_task
from django.db import OperationalError, transaction
from kombu.exceptions import OperationalError as BrokerError

from newsroom.articles.services import ArticleService
from newsroom.articles.tasks.search_index import enqueue_index_article
from newsroom.core.errors import TaskQueueUnavailableError, UpstreamUnavailableError
from newsroom.core.ledger import Outcome, run_once

logger = logging.getLogger(__name__)


PUBLISH_ARTICLE = "publishing.publish_article"


def _publish_article(article_id: int) -> None:
    """The work of publish_article for one id."""
    ArticleService().publish_article(article_id)
    # Queued once this run (and its ledger row) has committed.
    transaction.on_commit(lambda: enqueue_index_article(article_id))


@shared_task(
    bind=True,
    name="newsroom.publishing.publish_article",
    # Transient failures only; a 4xx from an external API or a bug is not retried.
    autoretry_for=(OperationalError, UpstreamUnavailableError, ConnectionError),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=5,
)
def publish_article(self: Task, article_id: int) -> Outcome:
    """Idempotent: a second run for the same id changes nothing."""
    logger.info("publish_article(%s), attempt %s", article_id, self.request.retries + 1)
    return run_once(PUBLISH_ARTICLE, article_id, _publish_article)


def enqueue_publish_article(article_id: int) -> None:
    """Enqueues publish_article; raises TaskQueueUnavailableError when the broker does not take
    it (the API answers 503, nothing is lost silently)."""
    try:
        publish_article.delay(article_id)
    except (BrokerError, OSError) as error:
        message = f"The task queue is unavailable: publish_article for article {article_id} was not queued; retry later."
        raise TaskQueueUnavailableError(message) from error
