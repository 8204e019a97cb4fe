"""The admin for every drawn model."""

from django.contrib import admin

from shop.models import Customer, Order


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ["id", "email", "joined"]
    search_fields = ["email"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["id", "customer_email", "total", "paid", "created_at", "customer"]
    list_filter = ["paid"]
    search_fields = ["customer_email"]
    raw_id_fields = ["customer"]
