"""Text made safe for a terminal: what an article, a file name or the user says is shown, never obeyed.

A terminal acts on control characters (ESC starts sequences that clear the screen or set its title; so
does U+009B), and bidirectional, zero-width, soft-hyphen, tag and other invisible characters reorder or
hide text. Every string from outside that reaches a terminal (the app, `timeline companies`, error lines,
the progress bar) goes through `printable`: one line, each such character shown as U+FFFD.
JSON lines go through `json_line` instead, which writes the same characters as \\uXXXX escapes, so the
data stays exact.
"""

from __future__ import annotations

import json
import re

MAX_LINE = 2000
REPLACEMENT = "\ufffd"

# Control (Cc), format (Cf), line and paragraph separators (Zl, Zp), surrogates (Cs: a file name Python
# could not decode) and the other default-ignorable code points of Unicode 15, which render as nothing.
_HIDDEN_RANGES = (
    "\x00-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u115f-\u1160"
    "\u17b4-\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ud800-\udfff\ufeff\uffa0"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff"
)
_VARIATION_SELECTORS = "\ufe00-\ufe0f"  # choose a glyph's look (text or emoji): dropped, nothing is lost
_HIDDEN_OR_SELECTOR = re.compile(f"[{_HIDDEN_RANGES}{_VARIATION_SELECTORS}]")
_LINE_BREAKS = str.maketrans({"\n": " ", "\t": " ", "\r": " "})


def printable(text: str, limit: int = MAX_LINE) -> str:
    """`text` (its first `limit` characters) on one line, each control or invisible character shown as �."""
    text = text[:limit].translate(_LINE_BREAKS)
    return _HIDDEN_OR_SELECTOR.sub(_shown, text)


def json_line(value) -> str:
    """`value` as one line of JSON whose strings keep every character, the hidden ones as \\u escapes."""
    return _HIDDEN_OR_SELECTOR.sub(_escaped, json.dumps(value, ensure_ascii=False))


def _shown(match: re.Match) -> str:
    return "" if "\ufe00" <= match.group() <= "\ufe0f" else REPLACEMENT


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
