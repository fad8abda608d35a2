"""Bounds on HTML before the parsers read it: libxml2 (under trafilatura and htmldate) checks each attribute
of a tag against the ones before it, so a tag with n attributes costs n squared (200,000 attributes: hours).

A tag longer than MAX_TAG_CHARS (about a thousand attributes; real pages stay far below) keeps its name and
loses its attributes, which hold no article text.
"""

from __future__ import annotations

import re

MAX_TAG_CHARS = 10_000
_OVERLONG_TAG = re.compile(rf"<(?P<name>[A-Za-z][\w:-]*)(?=[\s/])[^<>]{{{MAX_TAG_CHARS},}}>")


def bound_tags(html: str) -> str:
    """The page with every overlong tag cut down to its bare name."""
    return _OVERLONG_TAG.sub(lambda match: f"<{match['name']}>", html)
