"""The Python package: parity with the CLI, offsets, errors, batches,
the GIL and threads."""

import json
import threading
import time

import pytest

import gisty
from conftest import ALL_DOCS, OWN_DOCS, jsonl

# (Python keyword arguments, the same options on the command line)
OPTIONS = [
    ({}, []),
    ({"sentences": 1}, ["-n", "1"]),
    ({"sentences": 5}, ["-n", "5"]),
    ({"ratio": 0.3}, ["--ratio", "0.3"]),
    ({"words": 40}, ["--words", "40"]),
    ({"chars": 200}, ["--chars", "200"]),
    ({"preset": "centrality"}, ["--preset", "centrality"]),
    ({"language": "en"}, ["-l", "en"]),
    ({"language": "german", "sentences": 2}, ["-l", "german", "-n", "2"]),
    ({"focus": "bridge cables"}, ["--focus", "bridge cables"]),
    ({"title": "Bridge repair ends"}, ["--title", "Bridge repair ends"]),
]


@pytest.mark.parametrize("name", sorted(ALL_DOCS))
@pytest.mark.parametrize("kwargs,args", OPTIONS, ids=lambda o: repr(o))
def test_summarize_is_the_cli(cli, name, kwargs, args):
    text = ALL_DOCS[name]
    expected = cli(["--format", "json", *args], text).stdout.decode("utf-8")
    summary = gisty.summarize(text, **kwargs)
    assert summary.to_json() + "\n" == expected
    assert json.loads(expected) == summary.to_dict()
    # One paragraph, as `gisty` prints it by default.
    shown = cli(args, text).stdout.decode("utf-8")
    assert str(summary) == shown.rstrip("\n")


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_batch_is_the_cli_jsonl(cli, jobs):
    names = sorted(ALL_DOCS)
    texts = [ALL_DOCS[n] for n in names]
    out = cli(["--jsonl", "-n", "2"], jsonl({"id": n, "text": t} for n, t in zip(names, texts)))
    lines = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]
    summaries = gisty.Summarizer(2).summarize_batch(texts, jobs=jobs)
    assert len(summaries) == len(lines) == len(texts)
    for line, summary in zip(lines, summaries):
        assert line["summary"] == str(summary)
        got = summary.to_dict()
        assert line["sentences"] == got["sentences"]
        assert line["language"] == got["language"]
        assert line["language_detected"] == got["language_detected"]


def test_split_is_the_cli(cli):
    names = sorted(ALL_DOCS)
    out = cli(["split", "--jsonl"], jsonl({"id": n, "text": ALL_DOCS[n]} for n in names))
    for name, line in zip(names, out.stdout.decode("utf-8").splitlines()):
        expected = json.loads(line)["sentences"]
        assert [s.to_dict() for s in gisty.split(ALL_DOCS[name])] == expected, name


@pytest.mark.parametrize("name", sorted(ALL_DOCS))
def test_offsets_slice_the_python_string(name):
    text = ALL_DOCS[name]
    encoded = text.encode("utf-8")
    summary = gisty.summarize(text, 4)
    for pick in summary.sentences:
        assert text[pick.start : pick.end] == pick.text
        assert encoded[pick.byte_start : pick.byte_end].decode("utf-8") == pick.text
    sentences = gisty.split(text)
    for i, s in enumerate(sentences):
        assert s.index == i
        assert text[s.start : s.end] == s.text
        assert encoded[s.byte_start : s.byte_end].decode("utf-8") == s.text
    # The picks are sentences of the split, by index.
    for pick in summary.sentences:
        assert sentences[pick.index].text == pick.text


def test_offsets_differ_from_bytes_on_non_ascii_text():
    text = OWN_DOCS["emoji-crlf"]
    picks = gisty.summarize(text, 5).sentences
    assert any(p.start != p.byte_start for p in picks)


def test_lone_surrogates_do_not_raise():
    # A str UTF-8 cannot hold: summarised with U+FFFD in place of each
    # surrogate, indices counted in the original's code points.
    text = "First \ud800 sentence is here. Second sentence \udfff follows it. Third one ends."
    summary = gisty.summarize(text, 2)
    assert len(summary) == 2
    for pick in summary.sentences:
        assert text[pick.start : pick.end] == pick.text
    for s in gisty.split(text):
        assert text[s.start : s.end] == s.text


def test_summary_protocol():
    text = OWN_DOCS["harbour"]
    summary = gisty.summarize(text, 2)
    assert len(summary) == 2 and bool(summary)
    assert [p.text for p in summary] == [p.text for p in summary.sentences]
    assert str(summary) == " ".join(p.text for p in summary)
    assert summary.language == "english" and summary.language_detected
    assert summary.total_sentences == len(gisty.split(text))
    assert [p.index for p in summary] == sorted(p.index for p in summary)
    assert "Summary(" in repr(summary) and "Pick(" in repr(summary.sentences[0])
    empty = gisty.summarize("")
    assert len(empty) == 0 and not empty and str(empty) == ""
    assert empty.total_sentences == 0 and empty.language is None


def test_language_given_is_not_detected():
    summary = gisty.summarize(OWN_DOCS["cafe"], language="fr")
    assert summary.language == "french" and not summary.language_detected
    assert gisty.summarize(OWN_DOCS["cafe"]).language == "french"
    assert gisty.Summarizer().language == "auto"
    assert gisty.Summarizer(language="DE").language == "german"


@pytest.mark.parametrize(
    "kwargs,option",
    [
        ({"ratio": 0}, "ratio"),
        ({"ratio": 1.5}, "ratio"),
        ({"ratio": float("nan")}, "ratio"),
        ({"sentences": -1}, "sentences"),
        ({"words": -5}, "words"),
        ({"chars": -1}, "chars"),
        ({"language": "klingon"}, "language"),
        ({"preset": "sports"}, "preset"),
        ({"focus": "the of and"}, "focus"),
        ({"sentences": 2, "ratio": 0.5}, "sentences, ratio"),
        ({"words": 2, "chars": 5}, "words and chars"),
    ],
)
def test_bad_options_raise_value_error_naming_them(kwargs, option):
    with pytest.raises(ValueError, match=option):
        gisty.summarize("A text. Another one.", **kwargs)
    with pytest.raises(ValueError, match=option):
        gisty.Summarizer(**kwargs)


@pytest.mark.parametrize(
    "kwargs,option",
    [
        ({"position_weight": 2.0}, "position weight"),
        ({"redundancy": 0.0}, "redundancy"),
        ({"min_words": 9, "max_words": 3}, "min_words"),
        ({"min_words": -1}, "min_words"),
        ({"replace_stop_words": True}, "replace_stop_words"),
    ],
)
def test_bad_summarizer_options(kwargs, option):
    with pytest.raises(ValueError, match=option):
        gisty.Summarizer(**kwargs)


def test_the_same_messages_as_the_cli(cli):
    for kwargs, args, cli_prefix in [
        ({"ratio": 2}, ["--ratio", "2"], "gisty: invalid --ratio: "),
        ({"position_weight": 3}, ["--position-weight", "3"], "gisty: invalid option: "),
        ({"focus": "the"}, ["--focus", "the"], "gisty: invalid option: "),
    ]:
        err = cli(args, "Some text.", check=False).stderr.decode("utf-8").strip()
        with pytest.raises(ValueError) as info:
            gisty.Summarizer(**kwargs)
        assert err == cli_prefix + str(info.value)


def test_bad_batch_options():
    s = gisty.Summarizer()
    with pytest.raises(ValueError, match="jobs"):
        s.summarize_batch(["a"], jobs=0)
    with pytest.raises(ValueError, match="errors"):
        s.summarize_batch(["a"], errors="ignore")
    with pytest.raises(ValueError, match="titles"):
        s.summarize_batch(["a", "b"], titles=["only one"])
    with pytest.raises(TypeError):
        gisty.summarize(None)


def test_batch_items_that_are_not_str():
    texts = [OWN_DOCS["harbour"], None, 42, b"bytes", OWN_DOCS["cafe"]]
    out = gisty.Summarizer(1).summarize_batch(texts, jobs=2)
    assert len(out) == 5
    assert isinstance(out[0], gisty.Summary) and isinstance(out[4], gisty.Summary)
    assert str(out[0]) == str(gisty.summarize(texts[0], 1))
    assert str(out[4]) == str(gisty.summarize(texts[4], 1))
    for i, what in [(1, "None"), (2, "int"), (3, "bytes")]:
        assert isinstance(out[i], gisty.ItemError) and isinstance(out[i], TypeError)
        assert out[i].index == i
        assert str(out[i]) == f"texts[{i}]: expected a str, got {what}"
    with pytest.raises(gisty.ItemError, match=r"texts\[1\]: expected a str, got None"):
        gisty.Summarizer().summarize_batch(texts, errors="raise")


def test_batch_titles_and_iterables():
    texts = [OWN_DOCS["harbour"]] * 2
    s = gisty.Summarizer(1)
    out = s.summarize_batch(iter(texts), titles=["Cyclists welcome detour end", None])
    assert out[0].title == "Cyclists welcome detour end" and out[1].title is None
    assert str(out[0]) == str(s.summarize(texts[0], title="Cyclists welcome detour end"))
    assert str(out[1]) == str(s.summarize(texts[1]))
    assert s.summarize_batch([]) == []


def test_batch_is_the_same_for_any_jobs():
    texts = [t for t in ALL_DOCS.values()] * 3
    s = gisty.Summarizer(3)
    one = [s.summarize(t).to_json() for t in texts]
    for jobs in [1, 2, 4, 64, None]:
        assert [r.to_json() for r in s.summarize_batch(texts, jobs=jobs)] == one


def test_batch_releases_the_gil():
    # Another Python thread counts while a long batch runs: it can only
    # count if the batch does not hold the GIL.
    texts = [t for t in ALL_DOCS.values() if t.strip()] * 40
    s = gisty.Summarizer()
    counts = []
    stop = threading.Event()
    started = threading.Event()

    def count():
        n = 0
        started.set()
        while not stop.is_set():
            n += 1
            counts.append(n)

    t = threading.Thread(target=count)
    t.start()
    started.wait()
    before = len(counts)
    t0 = time.perf_counter()
    s.summarize_batch(texts, jobs=1)
    elapsed = time.perf_counter() - t0
    during = len(counts) - before
    stop.set()
    t.join()
    # Counting takes well under a microsecond a step; with the GIL held
    # for the whole batch the thread would not run at all (it can run
    # only in the switch intervals before and after the call).
    assert elapsed > 0.02, "the batch is too short to tell"
    assert during > 1000, f"only {during} steps in {elapsed:.3f} s"


def test_one_summarizer_many_threads():
    s = gisty.Summarizer(2)
    texts = [t for t in ALL_DOCS.values()]
    expected = [s.summarize(t).to_json() for t in texts]
    results = {}
    errors = []

    def work(k):
        try:
            got = [s.summarize(t).to_json() for t in texts]
            got += [r.to_json() for r in s.summarize_batch(texts, jobs=2)]
            results[k] = got
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 6
    for got in results.values():
        assert got == expected + expected


def test_summarizer_split_and_module_split_agree():
    text = OWN_DOCS["bericht"]
    a = [(s.start, s.end, s.kind) for s in gisty.split(text)]
    b = [(s.start, s.end, s.kind) for s in gisty.Summarizer().split(text)]
    assert a == b and len(a) == 5
    headed = gisty.split("Title Line\n\nThe body starts here. It goes on.")
    assert [s.kind for s in headed] == ["heading", "text", "text"]


def test_docstrings_and_stubs_are_shipped():
    from pathlib import Path

    package = Path(gisty.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_gisty.pyi").exists()
    for obj in [gisty.summarize, gisty.split, gisty.Summarizer, gisty.Summary,
                gisty.Summarizer.summarize_batch, gisty.ItemError]:
        assert obj.__doc__ and len(obj.__doc__) > 40, obj
