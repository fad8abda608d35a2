"""timeline: news articles in, a dated per-company event timeline out.

Importing the package imports neither spaCy nor Textual; each stage lives in its own module
(`sources`, `clean`, `nlp`, `dates`, `entities`, `parties`, `events`, `merge`, `store`, `query`, `export`,
`tui`).
"""

import logging

__version__ = "0.6.0"
__all__ = ["__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
