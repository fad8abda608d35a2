"""The Textual app. Imports no spaCy: it reads the store and starts fast."""

from .app import TimelineApp, make_app, run_app

__all__ = ["TimelineApp", "make_app", "run_app"]
