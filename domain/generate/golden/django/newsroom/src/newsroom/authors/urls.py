"""The routes of the authors feature (under /api/)."""

from django.urls import path

from newsroom.authors.apis.authors import AuthorDetailApi, AuthorListApi

urlpatterns = [
    # The authors router.
    path("authors", AuthorListApi.as_view(), name="authors-list"),
    path("authors/<int:author_id>", AuthorDetailApi.as_view(), name="authors-detail"),
]
