from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin

from unknot.products.models import Product

# ModelAdmin is generic only in the type stubs.
if TYPE_CHECKING:
    ProductAdminBase = admin.ModelAdmin[Product]
else:
    ProductAdminBase = admin.ModelAdmin


@admin.register(Product)
class ProductAdmin(ProductAdminBase):
    list_display = ("name", "kind", "price", "currency", "is_listed")
    list_filter = ("kind", "is_listed", "areas")
    search_fields = ("name", "summary", "description")
    prepopulated_fields = {"slug": ("name",)}  # noqa: RUF012
    filter_horizontal = ("areas",)
