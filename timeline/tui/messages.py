"""Messages the app's workers post when slow work is done."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from .model import TimelineModel


@dataclass
class EventsLoaded(Message):
    """The store was read and a model built in a worker thread."""

    model: TimelineModel


@dataclass
class LoadFailed(Message):
    error: str


@dataclass
class ExportFinished(Message):
    path: str
    rows: int
