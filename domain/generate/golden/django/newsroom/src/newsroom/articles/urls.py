"""The routes of the articles feature (under /api/)."""

from django.urls import path

from newsroom.articles.apis.articles import (
    ArticleDetailApi,
    ArticleListApi,
    ArticlePublishArticleApi,
)

urlpatterns = [
    # The articles router.
    path("articles", ArticleListApi.as_view(), name="articles-list"),
    path(
        "articles/<int:article_id>", ArticleDetailApi.as_view(), name="articles-detail"
    ),
    path(
        "articles/<int:article_id>/publish-article",
        ArticlePublishArticleApi.as_view(),
        name="articles-publish-article",
    ),
]
