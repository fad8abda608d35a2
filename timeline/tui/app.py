"""Placeholder replaced below."""

from textual.app import App


class TimelineApp(App):
    pass


def make_app(db_path):
    return TimelineApp()
