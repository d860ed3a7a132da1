"""Shared by the docks: search folding, output field naming, the current catalogue, settings.

No heavy imports here (the docks are created at QGIS start-up): the catalogue module is imported on first use.
"""

import os
import re

from qgis.core import QgsSettings

from ..core import fields as contract

SETTINGS_ROOT = "sozialplanung/"
OVERLAY_KEY = "catalogue/overlay_path"

# ------------------------------------------------------------------------------------------------------
# search: German umlaut folding
# ------------------------------------------------------------------------------------------------------
_FOLD_MAP = {
    "ä": "a",
    "ö": "o",
    "ü": "u",
    "ß": "ss",
    "ẞ": "ss",
    "Ä": "a",
    "Ö": "o",
    "Ü": "u",
    "é": "e",
    "è": "e",
    "É": "e",
    "á": "a",
    "à": "a",
    "ó": "o",
    "í": "i",
    "ñ": "n",
    "ç": "c",
}
_NON_ASCII = re.compile("[^\x00-\x7f]")
_FOLD_PUNCT = str.maketrans("-_/", "   ")  # ASCII 1:1: str.translate's fast path (a dict table is ~10x slower)


def fold(text):
    """Search form of a text: case-free, umlauts folded so 'Älter', 'aelter' and 'alter' all become 'alter'.

    Applied to both the haystack and the typed text, so the spelling 'ae' and the letter 'ä' match each
    other and the plain vowel ('alter' finds 'Ältere'); ß matches ss. The dock folds each indicator once on
    load (500 of them inside the 200 ms opening budget): only non-ASCII characters go through the map.
    """
    text = str(text or "")
    if not text.isascii():
        text = _NON_ASCII.sub(lambda m: _FOLD_MAP.get(m.group(0), m.group(0)), text)
    text = text.lower().translate(_FOLD_PUNCT)
    if "e" in text:
        text = text.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return text


def search_terms(text):
    """The folded words of a search text; an indicator matches when every word occurs."""
    return [w for w in fold(text).split() if w]


# ------------------------------------------------------------------------------------------------------
# output field names of sozialplanung:aggregateindicators (core.fields) and the index/typology algorithms
# ------------------------------------------------------------------------------------------------------
class FieldIndex:
    """Parsed field names of a layer: which indicator values exist for which years.

    Naming (aggregateindicators, wide layout): ``<id>_<year>`` value, ``<id>_num_<year>``, ``<id>_den_<year>``,
    ``<id>_flag_<year>``, ``<id>_ref_county_<year>``, ``<id>_ref_mun_<year>``; without years (long layout,
    one row per unit and year, field ``year``) the same names without the suffix.
    """

    def __init__(self, names):
        self.names = list(names)
        self.set = set(self.names)
        self.by_base = {}
        for n in self.names:
            base, year = contract.split_year(n)
            if year is not None:
                self.by_base.setdefault(base, []).append(year)
        for years in self.by_base.values():
            years.sort()

    def years(self, ind_id):
        """Years with a value field for the indicator; [None] for a field without year; [] when absent."""
        years = list(self.by_base.get(ind_id, []))
        if not years and ind_id in self.set:
            return [None]
        return years

    def has_indicator(self, ind_id):
        return bool(self.years(ind_id))

    def has_all(self, names):
        return all(n in self.set for n in names)

    #: Field name for a part ('' value, 'num', 'den', 'flag', 'ref_county', 'ref_mun', 'dev_county' ...).
    field = staticmethod(contract.field_name)

    def get(self, ind_id, part="", year=None):
        name = self.field(ind_id, part, year)
        return name if name in self.set else None

    def all_years(self):
        out = set()
        for years in self.by_base.values():
            out.update(years)
        return sorted(out)

    def index_fields(self):
        """Composite index outputs: [(prefix, value_field, rank_field, class_field)] for '<p>_class' fields."""
        out = []
        for n in self.names:
            if n.endswith("_class"):
                p = n[: -len("_class")]
                out.append((p, self.get(p, "value") or self.get(p), self.get(p, "rank"), n))
        return out

    def action_field_flags(self):
        """Typology outputs: ids of the 'hf_<id>' 0/1 flag fields (not hf_count, hf_fields, hf_<id>_n ...)."""
        skip = {"hf_count", "hf_fields", "hf_incomplete"}
        return [n[3:] for n in self.names if n.startswith("hf_") and n not in skip and not n.endswith("_n")]


def layer_field_names(layer):
    try:
        return [f.name() for f in layer.fields()]
    except (AttributeError, RuntimeError):
        return []


# ------------------------------------------------------------------------------------------------------
# the current catalogue (default + the county's overlay file from the settings)
# ------------------------------------------------------------------------------------------------------
_CACHE = {}


def overlay_path():
    return QgsSettings().value(SETTINGS_ROOT + OVERLAY_KEY, "") or ""


def set_overlay_path(path):
    QgsSettings().setValue(SETTINGS_ROOT + OVERLAY_KEY, str(path or ""))
    _CACHE.clear()


def current_catalogue(force=False):
    """(catalogue, error message or ''). A broken overlay falls back to the default with the error."""
    from ..core.catalogue import DEFAULT_PATH, default_catalogue, load_catalogue
    from ..core.errors import InputError

    path = overlay_path()
    stamp = (path, _mtime(path), _mtime(DEFAULT_PATH))
    if not force and _CACHE.get("stamp") == stamp:
        return _CACHE["cat"], _CACHE["err"]
    err = ""
    if path:
        try:
            cat = load_catalogue(path) if os.path.exists(path) else default_catalogue()
        except InputError as exc:
            err = str(exc)
            cat = default_catalogue()
    else:
        cat = default_catalogue()
    _CACHE.update(stamp=stamp, cat=cat, err=err)
    return cat, err


#: a county file above this size is parsed in a background task on the dock's first opening (~0.3 s per 450
#: indicators); smaller ones are parsed at once (a few milliseconds)
LARGE_OVERLAY_BYTES = 64 * 1024


def catalogue_is_cached():
    """True when current_catalogue() would answer from the cache (nothing to parse)."""
    from ..core.catalogue import DEFAULT_PATH

    path = overlay_path()
    return _CACHE.get("stamp") == (path, _mtime(path), _mtime(DEFAULT_PATH))


def overlay_is_large():
    path = overlay_path()
    try:
        return bool(path) and os.path.getsize(path) > LARGE_OVERLAY_BYTES
    except OSError:
        return False


def forget_catalogue():
    _CACHE.clear()


def _mtime(path):
    try:
        return os.path.getmtime(path) if path else None
    except OSError:
        return None


# ------------------------------------------------------------------------------------------------------
# settings of one dock
# ------------------------------------------------------------------------------------------------------
class DockSettings:
    """QgsSettings under 'sozialplanung/ui/<name>/'."""

    def __init__(self, name):
        self.prefix = f"{SETTINGS_ROOT}ui/{name}/"

    def value(self, key, default=None, type_=None):
        s = QgsSettings()
        if type_ is None:
            return s.value(self.prefix + key, default)
        return s.value(self.prefix + key, default, type=type_)

    def set(self, key, value):
        QgsSettings().setValue(self.prefix + key, value)
