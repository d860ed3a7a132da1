"""The store API: one class for both backends, assembled from the operation mixins."""

from .carry import CarryMixin
from .catalogue import CatalogueMixin
from .connection import StoreConnection
from .facilities import FacilitiesMixin
from .targets import TargetsMixin
from .units import UnitsMixin
from .values import ValuesMixin


class Store(StoreConnection, CatalogueMixin, UnitsMixin, ValuesMixin, TargetsMixin, CarryMixin, FacilitiesMixin):
    """A Sozialmonitoring store in a GeoPackage file or a PostgreSQL/PostGIS schema.

    Open with Store.open(target): a path (``*.gpkg``, created if missing) or a PostgreSQL connection string
    (``postgresql://...``, ``service=...``, ``host=... dbname=...``).
    """
