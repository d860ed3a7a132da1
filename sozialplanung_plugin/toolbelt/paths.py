"""Where the plugin's files are, and its version (read from metadata.txt, the one place it is kept).

No QGIS import: the core and the tools use this too.
"""

import configparser
import functools
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent.parent
RESOURCES = PLUGIN_DIR / "resources"


def resource(*parts):
    """Absolute path of a file under resources/ (icons, templates, styles, catalogue, demo ...)."""
    return RESOURCES.joinpath(*parts)


@functools.lru_cache(maxsize=1)
def metadata():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
    return parser["general"]


def plugin_version():
    return metadata()["version"]
