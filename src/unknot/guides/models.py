from __future__ import annotations

from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone

from unknot.guides.markdown import render_markdown


class Tag(models.Model):
    KIND_CHOICES = (("way", "One of the four ways"), ("area", "Body area"))

    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=8, choices=KIND_CHOICES)
    code = models.CharField(max_length=32)
    label = models.CharField(max_length=64)

    class Meta:
        ordering = ("-kind", "label")  # the four ways before body areas
        constraints = (
            models.UniqueConstraint(fields=("kind", "code"), name="tag_kind_code"),
        )

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("guides:tag", args=[self.slug])


class GuideQuerySet(models.QuerySet["Guide"]):
    def published(self) -> GuideQuerySet:
        return self.filter(is_published=True, published_at__lte=timezone.now())


class Guide(models.Model):
    title = models.CharField(max_length=160)
    slug = models.SlugField(max_length=160, unique=True)
    summary = models.CharField(max_length=300,
                               help_text="One or two sentences for lists and feeds.")
    body = models.TextField(help_text="Markdown. Headings start at ##. Raw HTML is removed.")
    references = models.TextField(
        blank=True, help_text="Markdown list of the sources the guide draws on."
    )
    body_html = models.TextField(editable=False, default="")
    references_html = models.TextField(editable=False, default="")
    tags = models.ManyToManyField(Tag, related_name="guides", blank=True)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    allow_comments = models.BooleanField(default=True)

    objects = GuideQuerySet.as_manager()

    class Meta:
        ordering = ("-published_at", "title")

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Rendered once on save, so a page view never runs the Markdown parser.
        self.body_html = render_markdown(self.body)
        self.references_html = render_markdown(self.references)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("guides:detail", args=[self.slug])

    @property
    def is_live(self) -> bool:
        return self.is_published and self.published_at <= timezone.now()
