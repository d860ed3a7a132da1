"""Help of the indicator algorithms comes from resources/help/{en,de}/<alg_id>.html, not from strings in code."""

import re
from pathlib import Path

import pytest

from sozialplanung_plugin.toolbelt.i18n import help_text

ROOT = Path(__file__).resolve().parents[2]
ALGS = ["importtable", "exportcatalogue", "aggregateindicators", "interpolateindicators"]
MODULES = {
    "importtable": "import_table",
    "exportcatalogue": "export_catalogue",
    "aggregateindicators": "aggregate_indicators",
    "interpolateindicators": "interpolate_indicators",
}


@pytest.mark.parametrize("alg_id", ALGS)
def test_help_files_in_english_and_german(provider, alg_id):
    en, de = help_text(alg_id, "en"), help_text(alg_id, "de")
    assert en.startswith("<p>") and de.startswith("<p>") and en != de
    assert len(en) > 300 and len(de) > 300
    assert provider.algorithm(alg_id).shortHelpString() in (en, de)
    # every parameter-like code name the help mentions as a field exists on the English and the German side
    assert set(re.findall(r"<code>([a-z_]+)</code>", en)) == set(re.findall(r"<code>([a-z_]+)</code>", de))
    source = (ROOT / "sozialplanung_plugin" / "processing" / f"{MODULES[alg_id]}.py").read_text(encoding="utf-8")
    assert "HELP" not in source and "def shortHelpString" not in source
