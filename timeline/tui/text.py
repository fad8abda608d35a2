"""Article text made safe to show: control, bidirectional and zero-width characters become visible marks.

Rich `Text` objects are never parsed for markup, so `[bold]` in an article stays literal; this module
handles what markup escaping cannot: escape sequences and characters that reorder or hide text.
"""

from __future__ import annotations

import re

_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
MAX_LINE = 2000


def printable(text: str) -> str:
    """`text` on one line with every control or invisible formatting character shown as �."""
    text = text.replace("\n", " ").replace("\t", " ")
    return _INVISIBLE.sub("\ufffd", text[:MAX_LINE])
