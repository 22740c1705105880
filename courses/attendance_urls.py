"""URLs of the teaching part (sessions, attendance, progress, absence reports)."""

from django.urls import path  # noqa: F401

urlpatterns = []
