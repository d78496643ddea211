"""Shared fixtures: the repository's corpus, documents written for these
tests, and the `gisty` command line to compare with."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "corpus"

# Documents written for these tests: non-ASCII text (so that string
# indices and byte offsets differ), a title line, a heading, a quote,
# a list, CRLF line ends, an emoji (one code point, four bytes).
OWN_DOCS = {
    "harbour": (
        "Harbour Bridge Reopens\n\n"
        "The harbour bridge reopened to traffic on Monday after a two-year "
        "repair that cost €41 million. Engineers replaced the bridge's "
        "cables and resurfaced its deck. Dr. Ana Ruiz, who led the repair, "
        "said the bridge would last fifty years. Commuters who had driven "
        "a 20-minute detour since 2024 welcomed the news. “It feels like "
        "getting an hour of my day back,” said one cyclist. The city will "
        "close the old ferry route in March. The weather was cold.\n"
    ),
    "cafe": (
        "Le café du port rouvre après deux ans de travaux. La mairie a "
        "financé la rénovation du bâtiment, qui date de 1898. Les "
        "habitants du quartier ont fêté l'événement samedi soir. Le "
        "nouveau gérant promet des prix modérés et une terrasse élargie. "
        "Une exposition de photos anciennes occupe la salle du fond. Le "
        "café ouvrira tous les jours sauf le lundi.\n"
    ),
    "bericht": (
        "Die Gemeinde hat am Montag eine neue Fähre in Betrieb genommen. "
        "Die Fähre verbindet die beiden Dörfer am Nordufer des Sees. "
        "Bürgermeisterin Jana Groß sagte, die Überfahrt dauere nur noch "
        "zwölf Minuten. Bisher mussten Pendler einen Umweg von dreißig "
        "Kilometern fahren. Die Fähre fährt stündlich von sechs bis "
        "zweiundzwanzig Uhr.\n"
    ),
    "emoji-crlf": (
        "Launch day 🚀 for the library\r\n\r\n"
        "The team released version two of the library on Friday 🎉. It "
        "summarises documents in thirty languages and runs in the "
        "browser.\r\nUsers reported that summaries of long reports improved "
        "markedly. The next release will add support for web pages. A "
        "survey of 1,200 users found that most read only the summary.\r\n"
        "- faster splitting\r\n- better headings\r\n"
    ),
    "tiny": "Just one sentence here.",
    "empty": "",
    "blank": "   \n\n  \t ",
}


def corpus_docs():
    """The corpus's plain-text documents (the HTML page is read by the
    CLI's extractor, not the library)."""
    docs = {}
    for path in sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("lang/*.txt")):
        docs[str(path.relative_to(CORPUS))] = path.read_text(encoding="utf-8")
    return docs


ALL_DOCS = {**OWN_DOCS, **corpus_docs()}


def cli_path():
    found = os.environ.get("GISTY_CLI") or shutil.which("gisty")
    if found:
        return found
    built = ROOT / "target" / "release" / "gisty"
    return str(built) if built.exists() else None


@pytest.fixture(scope="session")
def cli():
    """Runs the `gisty` command line on stdin; skips the test when the
    binary is not built (set GISTY_CLI, or `cargo build --release -p
    gisty-cli`)."""
    path = cli_path()
    if path is None:
        pytest.skip("the gisty CLI is not built (cargo build --release -p gisty-cli)")

    def run(args, stdin, check=True):
        proc = subprocess.run(
            [path, *args],
            input=stdin.encode("utf-8"),
            capture_output=True,
            check=False,
        )
        if check and proc.returncode != 0:
            raise AssertionError(
                f"gisty {args} failed ({proc.returncode}): {proc.stderr.decode()}"
            )
        return proc

    return run


def jsonl(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
