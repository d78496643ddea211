"""gisty: no time to read? Get a summary.

Extractive summarisation from Rust: gisty picks the few sentences that
best tell what a document says, and gives them back in document order.

>>> import gisty
>>> text = ("The harbour bridge reopened to traffic on Monday after a "
...         "two-year repair. Engineers replaced the bridge's cables. "
...         "The weather was cold.")
>>> summary = gisty.summarize(text, 1)
>>> str(summary)
'The harbour bridge reopened to traffic on Monday after a two-year repair.'
>>> pick = summary.sentences[0]
>>> text[pick.start:pick.end] == pick.text
True

- ``summarize(text, sentences=None, *, ratio, words, chars, language,
  preset, title, focus)``: one text, the CLI's defaults (three
  sentences, the language told from the text).
- ``Summarizer(...)``: the options checked once; ``.summarize(text)``,
  ``.summarize_batch(texts, jobs=None)`` on Rust threads without the
  GIL, ``.split(text)``.
- ``split(text, *, language="auto")``: the sentences alone.
- ``Summary``, ``Pick``, ``Sentence``: the results, with ``start`` and
  ``end`` as Python string indices; ``Summary.to_dict()`` and
  ``to_json()`` in the CLI's ``--format json`` schema (byte offsets).
- ``ItemError``: the TypeError standing in a batch for an item that is
  not a str.
- ``gisty.spark`` and ``gisty.dask``: summarising a column of a Spark or
  Dask DataFrame.

Bad options raise ValueError naming the option; text never raises.
"""

from gisty._gisty import (
    ItemError,
    Pick,
    Sentence,
    Summarizer,
    Summary,
    __version__,
    split,
    summarize,
)

__all__ = [
    "ItemError",
    "Pick",
    "Sentence",
    "Summarizer",
    "Summary",
    "__version__",
    "split",
    "summarize",
]
