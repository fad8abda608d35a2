"""The lines of a wire story's results or dividend table ('Qtly div 10 cts vs 10 cts prior', 'Pay May 8 Record
April 10', 'Net 882,000 vs 82,000'): no sentence of their own, so the main company's, and never a summary."""

from __future__ import annotations

import re

TABLE_LINE = re.compile(
    r"(?i)\s*(?:qtly|quarterly|semi-annual|annual|final|interim|initial|special|extra)?\s*"
    r"(?:div|dividend|shr|shr loss|net|net loss|loss|revs|sales|oper net|pay|payable|record)\b[^\n]{0,60}?\bvs\b"
    r"|\s*(?:pay|payable)\s+\w+\s+\d+\s+record\b"
)
"""The lines of a wire story's results or dividend table: 'Qtly div 10 cts vs 10 cts prior', 'Pay May 8'."""


def is_table_line(text: str) -> bool:
    return TABLE_LINE.match(text) is not None
