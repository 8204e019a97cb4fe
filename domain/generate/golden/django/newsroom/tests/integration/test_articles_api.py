"""API tests of the articles router: every endpoint, its success and its errors."""

import pytest
from kombu.exceptions import OperationalError
from rest_framework.test import APIClient

from newsroom.core.models import TaskRun

pytestmark = pytest.mark.django_db


ARTICLE_URL = "/api/articles"


ARTICLE = {
    "headline": "sample",
    "slug": "sample",
    "body": "Some longer text.",
    "published_at": "2024-01-02T03:04:05Z",
}


def create_article(api_client: APIClient, **changes: object) -> dict:
    body = {**ARTICLE, **changes}
    response = api_client.post(ARTICLE_URL, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


PUBLISH_ARTICLE_URL = "/api/articles/{item_id}/publish-article"


def test_create_article(api_client: APIClient) -> None:
    created = create_article(api_client)
    assert created["id"] > 0
    item_url = f"{ARTICLE_URL}/{created['id']}"
    response = api_client.get(item_url)
    assert response.status_code == 200
    assert response.json() == created


def test_create_article_refuses_invalid_input(api_client: APIClient) -> None:
    body = {**ARTICLE, "headline": "x" * 300}
    response = api_client.post(ARTICLE_URL, body, format="json")
    assert response.status_code == 422
    assert "headline" in response.json()


def test_a_duplicate_article_slug_is_409(api_client: APIClient) -> None:
    create_article(api_client)
    response = api_client.post(ARTICLE_URL, ARTICLE, format="json")
    assert response.status_code == 409
    assert "already exists" in response.json()["detail"]


def test_article_with_an_unknown_author_is_422(api_client: APIClient) -> None:
    body = {**ARTICLE, "author_id": 999999}
    response = api_client.post(ARTICLE_URL, body, format="json")
    assert response.status_code == 422


def test_list_article_pages(api_client: APIClient) -> None:
    created = create_article(api_client)
    response = api_client.get(ARTICLE_URL, {"offset": 0, "limit": 10})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()] == [created["id"]]


@pytest.mark.parametrize("params", [{"offset": -5}, {"limit": 0}, {"limit": 1000}])
def test_list_article_refuses_bad_paging(api_client: APIClient, params: dict) -> None:
    response = api_client.get(ARTICLE_URL, params)
    assert response.status_code == 422


def test_unknown_article_is_404(api_client: APIClient) -> None:
    response = api_client.get(f"{ARTICLE_URL}/999999")
    assert response.status_code == 404


def test_update_article(api_client: APIClient) -> None:
    created = create_article(api_client)
    item_url = f"{ARTICLE_URL}/{created['id']}"
    changes = {"headline": "changed"}
    response = api_client.patch(item_url, changes, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["headline"] == changes["headline"]
    nulled = {"headline": None}
    response = api_client.patch(item_url, nulled, format="json")
    assert response.status_code == 422
    response = api_client.patch(f"{ARTICLE_URL}/999999", {}, format="json")
    assert response.status_code == 404


def test_delete_article(api_client: APIClient) -> None:
    created = create_article(api_client)
    item_url = f"{ARTICLE_URL}/{created['id']}"
    assert api_client.delete(item_url).status_code == 204
    assert api_client.delete(item_url).status_code == 404


def test_publish_article_is_enqueued_and_runs(api_client: APIClient) -> None:
    item_id = create_article(api_client)["id"]
    response = api_client.post(PUBLISH_ARTICLE_URL.format(item_id=item_id))
    assert response.status_code == 202
    expected = {"task": "publish_article", "id": item_id, "status": "queued"}
    assert response.json() == expected
    runs = TaskRun.objects.filter(task="publishing.publish_article")
    assert runs.filter(item_id=item_id).exists()


def test_publish_article_with_the_broker_down_is_503(
    api_client: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise OperationalError("Error 111 connecting to the broker.")

    monkeypatch.setattr(
        "newsroom.articles.tasks.publishing.publish_article.delay", refuse
    )
    item_id = create_article(api_client)["id"]
    response = api_client.post(PUBLISH_ARTICLE_URL.format(item_id=item_id))
    assert response.status_code == 503
    assert "was not queued" in response.json()["detail"]


def test_publish_article_of_an_unknown_item_is_404(api_client: APIClient) -> None:
    response = api_client.post(PUBLISH_ARTICLE_URL.format(item_id=999999))
    assert response.status_code == 404
