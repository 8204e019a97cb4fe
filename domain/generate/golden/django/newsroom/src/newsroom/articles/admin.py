"""The admin for the models of the articles feature."""

from django.contrib import admin

from newsroom.articles.models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["id", "headline", "slug", "published_at", "author"]
    search_fields = ["headline", "slug"]
    raw_id_fields = ["author"]
