"""The bad-input corpus in a German QGIS (issue 15): every message in the user's language.

The whole corpus (tests/data/bad_inputs) runs in ONE qgis_process, as in test_bad_inputs.py, with the profile
locale ``de`` (the runner installs the plugin's translator, as the plugin does in a German QGIS). The English run
checks the expensive rest (the expected parts, no output left, inputs unchanged, nothing beside the inputs); here
every case must end in a QgsProcessingException without traceback text whose message is German:

1. it holds no English text of ours: no piece of an English template of the .ts (the sources split at their
   {fields}, of at least 4 words, that no German translation holds) appears in it;
2. no English function word ('the', 'is', 'not', 'found', 'expected', ...) stands outside the quoted values,
   paths and file names (this catches a library's English quoted into a German frame, e.g. PyYAML's);
3. it holds at least one German function word.

Exemption (the only one): QGIS's own prefix "Unable to execute algorithm" that processing.run puts before the
message of a parameter check (our text follows it). It is QGIS's text from QGIS's catalogue (Processing.tr),
which has no German for it in QGIS 3.22; the planner's dialog and ``qgis_process run`` do not show it.

    PYTHONNOUSERSITE=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 -m pytest -q tests/qgis/test_bad_inputs_german.py
"""

import functools
import re
import subprocess
import time
import xml.etree.ElementTree as ET

import pytest

from ..helpers import BY_NAME, CASES, ROOT, run_corpus

TS = ROOT / "sozialplanung_plugin" / "resources" / "i18n" / "sozialplanung_de.ts"
#: QGIS's text before a parameter check's message (processing.run): not ours, see the module docstring
QGIS_PREFIXES = ("Unable to execute algorithm\n",)
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+|%[sdf]")
ENGLISH_WORD = re.compile(r"(?<![\w])[A-Za-z]{2,}(?![\w])")
#: quoted values („…“, '…', "…") and paths: the user's data and names, in any language
QUOTED = re.compile(r"„[^“]*“|\"[^\"]*\"|(?<![\w'])'[^'\n]*'(?![\w])|(?:[A-Za-z]:)?[/\\][^\s,;:()]*")
ENGLISH = frozenset(
    "the and is are not of to with for or be was cannot could found expected while but got this that at by from "
    "has have does did please choose must no it its there which into than when were".split()
)
GERMAN = frozenset(
    "der die das und nicht ist ein eine einen keine kein keinen oder sie mit für den dem des wählen hat haben sind "
    "im zu auf nur als bitte wird kann können muss müssen von bei aus enthält enthalten prüfen geben zeile spalte "
    "datei feld fehlt existiert liegt es unbekannt verwenden".split()
)


@functools.cache
def english_fragments(min_words=4):
    """The pieces of our English templates (split at their {fields}) of min_words words or more that no German
    translation holds: text that can only come from an untranslated or English message."""
    sources, german = [], []
    for msg in ET.parse(TS).getroot().iter("message"):
        sources.append(msg.findtext("source") or "")
        german.append(" ".join((msg.findtext("translation") or "").split()))
    german_text = "\n".join(german)
    out = set()
    for source in sources:
        for piece in PLACEHOLDER.split(source):
            piece = " ".join(piece.split()).strip(" '\"")
            if len(ENGLISH_WORD.findall(piece)) >= min_words and piece not in german_text:
                out.add(piece)
    return tuple(sorted(out, key=len, reverse=True))


def _words_outside_quotes(text):
    tokens = re.findall(r"[\w.\-]+", QUOTED.sub(" ", text).lower())
    return [t for t in tokens if re.fullmatch(r"[a-zäöüß]+", t)]  # file names (x.csv) and ids (a_b) are no words


def german_problems(message):
    """Why a message is not German (an empty list: it is)."""
    for prefix in QGIS_PREFIXES:
        if message.startswith(prefix):
            message = message[len(prefix) :]
    flat = " ".join(message.split())
    out = [f"English template text {f!r}" for f in english_fragments() if f in flat][:3]
    words = _words_outside_quotes(message)
    english = sorted({w for w in words if w in ENGLISH})
    if english:
        out.append(f"English words {english}")
    if not any(w in GERMAN for w in words):
        out.append("no German word")
    return out


def test_the_german_check_tells_english_from_german():
    english = "Layer 'blocks' has no field 'einwohner'. Its fields are: block_id, ew. Choose the right field or layer."
    german = (
        "Layer „blocks“ hat kein Feld „einwohner“. Seine Felder sind: block_id, ew. Wählen Sie das richtige Feld "
        "oder den richtigen Layer."
    )
    assert german_problems(german) == []
    assert any(p.startswith("English template text") for p in german_problems(english)), german_problems(english)
    assert "no German word" in german_problems(english)
    # a German frame around a library's English (PyYAML before issue 15): not German
    mixed = (
        "Die Regeldatei /tmp/in/rules_broken.yaml ist kein gültiges YAML: while parsing a flow sequence in "
        "\"<unicode string>\", line 3, column 11: expected ',' or ']', but got '<stream end>'"
    )
    assert german_problems(mixed) == ["English words ['but', 'expected', 'got', 'or', 'while']"]
    # quoted values, paths and file names may be English: they are the user's
    assert german_problems("Layer „the_blocks“ hat kein Feld 'is not'. Datei /tmp/the/not.csv fehlt.") == []
    assert german_problems(QGIS_PREFIXES[0] + german) == []


def test_every_english_core_message_fails_the_german_check():
    """The check can fail: each English core template of at least 6 words, its fields filled, is not German."""
    sources = [
        msg.findtext("source")
        for ctx in ET.parse(TS).getroot().iter("context")
        if ctx.findtext("name") == "core"
        for msg in ctx.iter("message")
    ]
    long = [s for s in sources if len(ENGLISH_WORD.findall(PLACEHOLDER.sub(" ", s))) >= 6]
    assert len(long) > 300
    passing = [s for s in long if not german_problems(PLACEHOLDER.sub("x1", s))]
    assert passing == []


@pytest.fixture(scope="module")
def german_corpus(qgis_process_env):
    subprocess.run(["make", "-s", "i18n"], cwd=ROOT, check=True)  # the .qm is built, not in git
    start = time.monotonic()
    results = run_corpus(language="de")
    print(f"\nGerman corpus: {len(results)} cases in {time.monotonic() - start:.0f} s (one qgis_process)")
    return results


@pytest.mark.slow
@pytest.mark.parametrize("name", [c["name"] for c in CASES])
def test_bad_input_is_refused_in_german(german_corpus, name):
    case, result = BY_NAME[name], german_corpus.get(name)
    assert result is not None, "not run"
    assert result["status"] != "crashed", result.get("stderr", "")[-500:]
    if case.get("expect") == "success":
        assert result["status"] == "ok", result.get("message", "")[:300]
        return
    assert result["status"] == "error", result.get("results")
    message = result.get("message", "")
    assert result.get("type") == "QgsProcessingException", f"{result.get('type')}: {message[:300]}"
    assert "Traceback (most recent call last)" not in message and 'File "/' not in message, message[:500]
    problems = german_problems(message)
    assert not problems, f"{problems}: {message[:500]!r}"
