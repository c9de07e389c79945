from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse

from unknot.engine.content import Massage, library

# The engine's tool kinds that a shop sells (hands and "none" are not products).
KIND_CHOICES = [
    ("foam_roller", "Foam roller"),
    ("massage_ball", "Massage ball"),
    ("peanut_ball", "Peanut ball"),
    ("massage_stick", "Massage stick"),
    ("massage_gun", "Massage gun"),
    ("heat_pad", "Heat pad"),
    ("stretching_strap", "Stretching strap"),
    ("resistance_band", "Resistance band"),
]
KIND_LABELS = dict(KIND_CHOICES)
# Pictures ship with the app as SVG files, one drawing per kind; uploads are not
# taken because an uploaded SVG can carry script.
PICTURE_CHOICES = [(code, label) for code, label in KIND_CHOICES]


class Area(models.Model):
    code = models.CharField(max_length=32, primary_key=True)
    label = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("position",)

    def __str__(self) -> str:
        return self.label


class ProductQuerySet(models.QuerySet["Product"]):
    def listed(self) -> ProductQuerySet:
        return self.filter(is_listed=True)


class Product(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    summary = models.CharField(max_length=200, help_text="One sentence for the list.")
    description = models.TextField(help_text="Plain text; blank lines start new paragraphs.")
    picture = models.CharField(max_length=20, choices=PICTURE_CHOICES,
                               help_text="One of the drawings that ship with Unknot.")
    picture_alt = models.CharField(max_length=200, help_text="What the picture shows, for "
                                   "people who cannot see it.")
    price = models.DecimalField(max_digits=8, decimal_places=2,
                                validators=[MinValueValidator(0)])
    currency = models.CharField(max_length=3, default="EUR")
    areas = models.ManyToManyField(Area, related_name="products")
    shop_url = models.URLField(help_text="Where to buy it (opens the shop's site).")
    is_listed = models.BooleanField(default=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ("kind", "name")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("products:detail", args=[self.slug])

    @property
    def picture_path(self) -> str:
        return f"products/pictures/{self.picture}.svg"

    def techniques(self, area_codes: set[str] | None = None) -> list[Massage]:
        """The plan's self-massage techniques this product serves (kind and area match)."""
        codes = area_codes if area_codes is not None else {a.code for a in self.areas.all()}
        return [m for m in library().massage
                if self.kind in m.tool_kinds and not codes.isdisjoint(m.areas)]
