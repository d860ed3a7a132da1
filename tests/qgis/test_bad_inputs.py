"""The bad-input corpus (tests/data/bad_inputs, 180+ cases over every algorithm and input kind) through qgis_process.

Every case must end in a QgsProcessingException whose message holds the expected parts (file/row/column/field/
feature, what to do), without traceback text, with no output created or left, every input byte-identical and no
file created beside the inputs. All cases run in ONE qgis_process (the runner script in the scripts folder of
a temporary profile: qgis_process's own Python and registry, processing.run per case); a representative case of
each algorithm also runs as its own ``qgis_process run sozialplanung:<alg>`` (exit code, stderr). A crash of the
process loses only its case: the runner is restarted after it (the case is reported as crashed).

Cases that wait for another helper's fix (``owner``) are xfail until it is on main; ``unclear`` cases are known to
answer unclearly (xfail, listed in docs/reliability.md). ``make_corpus.py`` writes the files and cases.json.
"""

import json
import shutil
import subprocess
from collections import Counter

import pytest

from ..helpers import BY_NAME, CASES, CORPUS, QGIS_PROCESS, run_corpus

TRACEBACK_MARKERS = ("Traceback (most recent call last)", 'File "', "line ", "Error:")
KINDS = ("table", "layer", "geometry", "crs", "parameter", "store", "template", "catalogue", "rules")


@pytest.fixture(scope="module")
def corpus(qgis_process_env):
    return run_corpus()


def problems(case, result):
    """What is wrong with a case's answer (empty list: the case passes)."""
    out = []
    if result is None:
        return ["not run"]
    if result["status"] == "crashed":
        return ["the process crashed: " + result.get("stderr", "")[-500:]]
    expect_success = case.get("expect") == "success"
    if expect_success:
        if result["status"] != "ok":
            out.append(f"should succeed, failed: {result.get('message', '')[:300]}")
    else:
        if result["status"] != "error":
            out.append("no error: " + json.dumps(result.get("results", {}))[:300])
        elif result.get("type") != "QgsProcessingException":
            out.append(f"{result.get('type')}: {result.get('message', '')[:300]}")
        msg = result.get("message", "")
        for part in case["parts"]:
            if part not in msg:
                out.append(f"{part!r} not in message: {msg[:400]!r}")
        if "Traceback (most recent call last)" in msg or 'File "/' in msg:
            out.append("traceback text in the message")
        if result.get("left_in_output"):
            out.append(f"output left: {result['left_in_output']}")
    if result.get("changed_inputs"):
        out.append(f"inputs changed: {result['changed_inputs']}")
    if result.get("new_beside_inputs"):
        out.append(f"files created beside the inputs: {result['new_beside_inputs']}")
    if result.get("missing_folder_created"):
        out.append("the missing output folder was created")
    return out


def _marks(case):
    if case.get("owner"):
        return [pytest.mark.xfail(reason=f"waits for helper '{case['owner']}'", strict=False)]
    if case.get("unclear"):
        return [pytest.mark.xfail(reason=f"answers unclearly: {case['unclear']}", strict=False)]
    return []


@pytest.mark.parametrize("name", [pytest.param(c["name"], marks=_marks(c)) for c in CASES])
def test_bad_input_gets_a_clear_message_and_leaves_nothing(corpus, name):
    issues = problems(BY_NAME[name], corpus.get(name))
    assert not issues, "\n".join(issues)


def test_corpus_covers_every_algorithm_and_input_kind(provider):
    assert len(CASES) >= 150
    algs = {a.name() for a in provider.algorithms()}
    covered = Counter(c["algorithm"] for c in CASES)
    assert set(covered) <= algs
    assert algs - set(covered) == set(), f"algorithms without a bad input: {sorted(algs - set(covered))}"
    assert set(Counter(c["kind"] for c in CASES)) == set(KINDS)
    assert len({c["name"] for c in CASES}) == len(CASES)


def test_corpus_files_are_written_by_the_generator():
    """Every @in/ file a case names exists in the corpus (or is meant to be missing: 'missing' in its name)."""
    for c in CASES:
        for v in c["params"].values():
            for item in v if isinstance(v, list) else [v]:
                if isinstance(item, str) and item.startswith("@in/"):
                    name = item[4:].split("|")[0]
                    meant_missing = any(w in c["name"] for w in ("missing", "mistyped")) or "does_not_exist" in name
                    assert (CORPUS / name).exists() or meant_missing, (c["name"], name)


# one representative case per algorithm through its own qgis_process run: exit code 1, the message on stderr
REPRESENTATIVE = {}
for _c in CASES:
    if not _c.get("owner") and not _c.get("unclear"):
        REPRESENTATIVE.setdefault(_c["algorithm"], _c["name"])


@pytest.mark.parametrize("name", sorted(REPRESENTATIVE.values()))
def test_representative_case_through_its_own_qgis_process(qgis_process_env, tmp_path, name):
    case = BY_NAME[name]
    indir, outdir = tmp_path / "in", tmp_path / "out"
    indir.mkdir()
    outdir.mkdir()

    def resolve(value):
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if not isinstance(value, str) or not value.startswith("@"):
            return value
        where, _, rest = value[1:].partition("/")
        if where in ("in", "malformed"):
            src = (CORPUS if where == "in" else CORPUS.parent / "malformed") / rest.split("|")[0]
            if src.exists():
                shutil.copyfile(src, indir / src.name)
            return str(indir / rest)
        return str((outdir if where == "out" else tmp_path / "missing") / rest)

    args = [QGIS_PROCESS, "run", f"sozialplanung:{case['algorithm']}", "--"]
    for key, value in case["params"].items():
        for v in resolve(value) if isinstance(value, list) else [resolve(value)]:
            args.append(f"{key}={v}")
    proc = subprocess.run(args, env=qgis_process_env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1, proc.stdout[-2000:] + proc.stderr[-2000:]
    text = proc.stdout + proc.stderr
    for part in case["parts"]:
        assert part in text, (part, text[-2000:])
    assert "Traceback (most recent call last)" not in text, text[-3000:]
    assert list(outdir.iterdir()) == [] and not (tmp_path / "missing").exists()
