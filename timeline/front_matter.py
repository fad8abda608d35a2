"""YAML front matter at the top of a text or Markdown article, read in memory bounded by its size.

The loader is YAML's safe loader with two things taken out: aliases (`*name`), which let a few hundred
bytes expand to gigabytes ("billion laughs"), are refused; and timestamps stay text, so a date the
calendar refuses (`2024-99-99`) is one bad field for the caller to report, not a document that cannot
be read.
"""

from __future__ import annotations

import yaml


class FrontMatterError(ValueError):
    """The front matter cannot be read; the message says why in one line."""


class _FrontMatterLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            line = self.peek_event().start_mark.line + 2  # the front matter starts below the opening `---`
            raise FrontMatterError(f"front matter uses a YAML alias (line {line}); aliases are not read")
        return super().compose_node(parent, index)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter between `---` lines at the very top, and the text after it."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return _load("\n".join(lines[1:index])), "\n".join(lines[index + 1 :])
    return {}, text


def _load(source: str) -> dict:
    try:
        meta = yaml.load(source, Loader=_FrontMatterLoader) or {}  # noqa: S506 - a safe loader without aliases
    except FrontMatterError:
        raise
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        raise FrontMatterError(f"front matter is not valid YAML ({_first_line(str(error))})") from error
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter is not a mapping of keys to values")
    return meta


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]
