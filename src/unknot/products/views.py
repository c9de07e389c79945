"""The product catalogue: a filterable list and one page per product."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from unknot.core.content import public_page
from unknot.engine.content import Massage, library
from unknot.products.models import KIND_CHOICES, Area, Product


def _technique(technique_id: str) -> Massage | None:
    return next((m for m in library().massage if m.id == technique_id), None)


@public_page
@require_GET
def product_list(request: HttpRequest) -> HttpResponse:
    products = Product.objects.listed().prefetch_related("areas")
    areas = list(Area.objects.all())
    area = request.GET.get("area", "")
    kind = request.GET.get("kind", "")
    # From a relief plan: the products whose kind is one of the technique's tools
    # and that serve one of its areas.
    technique = _technique(request.GET.get("technique", ""))
    if technique is not None:
        products = products.filter(kind__in=technique.tool_kinds,
                                   areas__code__in=technique.areas)
    # Unknown filter values are ignored rather than refused: the list still shows.
    if area in {a.code for a in areas}:
        products = products.filter(areas__code=area)
    else:
        area = ""
    if kind in dict(KIND_CHOICES):
        products = products.filter(kind=kind)
    else:
        kind = ""
    context = {"products": products.distinct(), "areas": areas, "kinds": KIND_CHOICES,
               "area": area, "kind": kind, "technique": technique}
    return render(request, "products/list.html", context)


@public_page
@require_GET
def product_detail(request: HttpRequest, slug: str) -> HttpResponse:
    product = get_object_or_404(Product.objects.listed().prefetch_related("areas"), slug=slug)
    return render(request, "products/detail.html",
                  {"product": product, "techniques": product.techniques()})
