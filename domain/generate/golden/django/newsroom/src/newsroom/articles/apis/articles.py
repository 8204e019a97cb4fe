"""The articles router: DRF APIViews, thin, calling services."""

from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from newsroom.articles.services import ArticleService
from newsroom.articles.tasks.publishing import enqueue_publish_article
from newsroom.core.fields import AwareDateTimeField
from newsroom.core.pagination import page
from newsroom.shared.clients import PageCache


class ArticleOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    headline = serializers.CharField()
    slug = serializers.CharField()
    body = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)
    author_id = serializers.IntegerField(allow_null=True)


class ArticleInputSerializer(serializers.Serializer):
    headline = serializers.CharField(max_length=255)
    slug = serializers.CharField(max_length=255)
    body = serializers.CharField(allow_blank=True)
    published_at = AwareDateTimeField(allow_null=True, required=False, default=None)
    author_id = serializers.IntegerField(allow_null=True, required=False, default=None)


class ArticleListApi(APIView):
    def get(self, request: Request) -> Response:
        articles = page(ArticleService().list_articles(), request)
        return Response(ArticleOutputSerializer(articles, many=True).data)

    def post(self, request: Request) -> Response:
        serializer = ArticleInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        article = ArticleService().create_article(**serializer.validated_data)
        body = ArticleOutputSerializer(article).data
        return Response(body, status=status.HTTP_201_CREATED)


class ArticleDetailApi(APIView):
    def get(self, request: Request, article_id: int) -> Response:
        # Cache-aside of the answer; a change through this API drops it, one made elsewhere
        # shows once the entry expires (the cache's TTL setting).
        body = PageCache().get(f"api:articles:{article_id}")
        if body is None:
            article = ArticleService().get_article(article_id)
            body = dict(ArticleOutputSerializer(article).data)
            PageCache().set(f"api:articles:{article_id}", body)
        return Response(body)

    def patch(self, request: Request, article_id: int) -> Response:
        serializer = ArticleInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        article = ArticleService().update_article(article_id, serializer.validated_data)
        PageCache().delete(f"api:articles:{article_id}")
        return Response(ArticleOutputSerializer(article).data)

    def delete(self, request: Request, article_id: int) -> Response:
        ArticleService().delete_article(article_id)
        PageCache().delete(f"api:articles:{article_id}")
        return Response(status=status.HTTP_204_NO_CONTENT)


class ArticlePublishArticleApi(APIView):
    """Enqueues publish_article for one article: 202, 404 if unknown, 503 if the broker
    does not take it."""

    def post(self, request: Request, article_id: int) -> Response:
        ArticleService().get_article(article_id)
        enqueue_publish_article(article_id)
        body = {"task": "publish_article", "id": article_id, "status": "queued"}
        return Response(body, status=status.HTTP_202_ACCEPTED)
