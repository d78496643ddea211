"""Type stubs of gisty's extension module (re-exported by ``gisty``)."""

from collections.abc import Iterable, Iterator, Sequence
from typing import Literal

__version__: str

class ItemError(TypeError):
    """A batch item that is not a str; ``index`` is its position."""

    index: int

class Pick:
    """A picked sentence: ``text[start:end] == pick.text``."""

    @property
    def index(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def score(self) -> float: ...

class Sentence:
    """A sentence of a split text: ``text[start:end] == sentence.text``."""

    @property
    def index(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def kind(self) -> Literal["text", "heading"]: ...
    def to_dict(self) -> dict[str, object]: ...

class Summary:
    """The picked sentences in document order; ``str()`` joins them."""

    @property
    def sentences(self) -> tuple[Pick, ...]: ...
    @property
    def total_sentences(self) -> int: ...
    @property
    def language(self) -> str | None: ...
    @property
    def language_detected(self) -> bool: ...
    @property
    def title(self) -> str | None: ...
    def __len__(self) -> int: ...
    def __bool__(self) -> bool: ...
    def __iter__(self) -> Iterator[Pick]: ...
    def to_dict(self) -> dict[str, object]: ...
    def to_json(self) -> str: ...

class Summarizer:
    """A summariser configured once, safe to share between threads."""

    def __init__(
        self,
        sentences: int | None = None,
        *,
        ratio: float | None = None,
        words: int | None = None,
        chars: int | None = None,
        min_words: int | None = None,
        max_words: int | None = None,
        language: str = "auto",
        preset: Literal["news", "centrality"] | None = None,
        focus: str | None = None,
        position_weight: float | None = None,
        redundancy: float | None = None,
        stop_words: Sequence[str] | None = None,
        replace_stop_words: bool = False,
        abbreviations: Sequence[str] | None = None,
    ) -> None: ...
    @property
    def language(self) -> str: ...
    def summarize(self, text: str, *, title: str | None = None) -> Summary: ...
    def summarize_batch(
        self,
        texts: Iterable[object],
        jobs: int | None = None,
        *,
        titles: Sequence[str | None] | None = None,
        errors: Literal["return", "raise"] = "return",
    ) -> list[Summary | ItemError]: ...
    def split(self, text: str) -> list[Sentence]: ...

def summarize(
    text: str,
    sentences: int | None = None,
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
    language: str = "auto",
    preset: Literal["news", "centrality"] | None = None,
    title: str | None = None,
    focus: str | None = None,
) -> Summary: ...
def split(text: str, *, language: str = "auto") -> list[Sentence]: ...
