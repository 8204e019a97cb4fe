"""The authors router: DRF APIViews, thin, calling services."""

from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from newsroom.authors.services import AuthorService
from newsroom.core.pagination import page


class AuthorOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    email = serializers.CharField()


class AuthorInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=255)
    email = serializers.CharField(max_length=255)


class AuthorListApi(APIView):
    def get(self, request: Request) -> Response:
        authors = page(AuthorService().list_authors(), request)
        return Response(AuthorOutputSerializer(authors, many=True).data)

    def post(self, request: Request) -> Response:
        serializer = AuthorInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        author = AuthorService().create_author(**serializer.validated_data)
        body = AuthorOutputSerializer(author).data
        return Response(body, status=status.HTTP_201_CREATED)


class AuthorDetailApi(APIView):
    def get(self, request: Request, author_id: int) -> Response:
        author = AuthorService().get_author(author_id)
        return Response(AuthorOutputSerializer(author).data)

    def patch(self, request: Request, author_id: int) -> Response:
        serializer = AuthorInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        author = AuthorService().update_author(author_id, serializer.validated_data)
        return Response(AuthorOutputSerializer(author).data)

    def delete(self, request: Request, author_id: int) -> Response:
        AuthorService().delete_author(author_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
