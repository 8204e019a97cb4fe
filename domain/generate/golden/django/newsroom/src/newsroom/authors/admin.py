"""The admin for the models of the authors feature."""

from django.contrib import admin

from newsroom.authors.models import Author


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "email"]
    search_fields = ["name", "email"]
