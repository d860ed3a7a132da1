"""Zensus 2022 grid tables as published: a cell layer, and the cells counted into social spaces or municipalities.

Thin glue: core.zensus_grid reads the ';' tables (GITTER_ID_100m, x_mp_100m, y_mp_100m, '–' for secret cells)
and assigns cells to the areas (cell centre by scanlines, or area shares feeding the existing area-weighted
interpolation); this module reads the areas' rings and writes the layers.
"""

import json

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsWkbTypes,
)

from ..compat import ProcessingNumberParameterType, ProcessingParameterFlag, ProcessingSourceType, WkbType
from . import _access as A
from . import _checks as ck
from .base import SozialplanungAlgorithm, layer_label, make_field

METHODS = ["containment", "area"]


class ZensusGrid(SozialplanungAlgorithm):
    ALG_ID = "zensusgrid"
    GROUP = "indicators"

    INPUT = "INPUT"
    GEOMETRY = "GEOMETRY"
    AREAS = "AREAS"
    AREA_KEY = "AREA_KEY"
    AREA_NAME = "AREA_NAME"
    METHOD = "METHOD"
    CLIP = "CLIP"
    YEAR = "YEAR"
    OUTPUT = "OUTPUT"
    OUTPUT_AREAS = "OUTPUT_AREAS"

    def displayName(self):
        return self.tr("Import Zensus grid tables into areas")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.INPUT,
                self.tr("Zensus grid tables (CSV as published, one resolution)"),
                ProcessingSourceType.File,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.GEOMETRY,
                self.tr("Cells as"),
                [self.tr("cell centres (points)"), self.tr("cells (squares)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREAS,
                self.tr("Areas to count the cells into (social spaces, municipalities)"),
                [ProcessingSourceType.VectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.AREA_KEY, self.tr("Key field of the areas"), parentLayerParameterName=self.AREAS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.AREA_NAME, self.tr("Name field of the areas"), parentLayerParameterName=self.AREAS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.METHOD,
                self.tr("Counting"),
                [self.tr("cell centre in the area"), self.tr("area-weighted (share of the cell's area)")],
                defaultValue=0,
            )
        )
        advanced = [
            QgsProcessingParameterBoolean(
                self.CLIP, self.tr("Write only the cells in the areas (when areas are given)"), True
            ),
            QgsProcessingParameterNumber(
                self.YEAR,
                self.tr("Year of the fields (census reference date 15 May 2022)"),
                ProcessingNumberParameterType.Integer,
                2022,
                minValue=1900,
                maxValue=2100,
            ),
        ]
        for p in advanced:
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Grid cells"), ProcessingSourceType.VectorAnyGeometry, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_AREAS,
                self.tr("Areas with the counted cells"),
                ProcessingSourceType.VectorPolygon,
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("CELLS", self.tr("Cells read")))
        self.addOutput(QgsProcessingOutputNumber("CELLS_IN_AREAS", self.tr("Cells in the areas")))

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        import numpy as np

        from ..core import zensus_grid as zg

        paths = A.file_list(self, parameters, self.INPUT, context)
        if not paths:
            raise QgsProcessingException(self.tr("Choose at least one Zensus grid table."))
        want_cells = bool(parameters.get(self.OUTPUT))
        want_areas = bool(parameters.get(self.OUTPUT_AREAS))
        if not want_cells and not want_areas:
            raise QgsProcessingException(self.tr("Choose an output: the grid cells, the areas, or both."))
        feedback.setProgressText(self.tr("Reading the grid tables"))
        grid = self._read(paths, feedback)
        feedback.setProgress(30)
        areas = self.parameterAsSource(parameters, self.AREAS, context)
        if areas is not None:
            ck.require_polygons(areas, layer_label(areas), self.tr("areas"))
        key_field = self.parameterAsString(parameters, self.AREA_KEY, context)
        name_field = self.parameterAsString(parameters, self.AREA_NAME, context)
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        year = self.parameterAsInt(parameters, self.YEAR, context)
        crs = QgsCoordinateReferenceSystem(zg.CRS)
        labels = None
        results = {"CELLS": len(grid)}
        if areas is not None:
            if not key_field:
                raise QgsProcessingException(self.tr("Choose the key field of the areas."))
            self.require_fields(areas, [key_field, name_field])
            keys, names, polys, geoms = self._areas(areas, key_field, name_field, crs, context)
            xy, off, own = zg.rings(polys)
            labels = zg.label_cells(grid.x, grid.y, grid.resolution, xy, off, own)
            results["CELLS_IN_AREAS"] = int((labels >= 0).sum())
            feedback.setProgress(50)
            if want_areas:
                results[self.OUTPUT_AREAS] = self._write_areas(
                    parameters, context, feedback, grid, labels, keys, names, geoms, xy, off, own, method, year, crs
                )
        elif want_areas:
            raise QgsProcessingException(self.tr("Counting into areas needs the areas layer."))
        if want_cells:
            clip = self.parameterAsBoolean(parameters, self.CLIP, context) and labels is not None
            if clip and method == "area":
                shares = zg.area_shares(grid.x, grid.y, grid.resolution, xy, off, own)
                rows = np.unique(np.r_[np.flatnonzero(labels >= 0), shares["cell"].to_numpy()])
            else:
                rows = np.flatnonzero(labels >= 0) if clip else np.arange(len(grid))
            results[self.OUTPUT] = self._write_cells(parameters, context, feedback, grid, rows, labels, crs)
        feedback.setProgress(100)
        return results

    def _read(self, paths, feedback):
        """All tables, joined on the cell id (one resolution)."""
        import pandas as pd

        from ..core import zensus_grid as zg

        grid = None
        for path in paths:
            self.check_canceled(feedback)
            g = zg.read_zensus_grid(path)
            feedback.pushInfo(
                self.tr("{p}: {n} cells of {r} m, variables {v}").format(
                    p=path, n=len(g), r=g.resolution, v=", ".join(g.variables)
                )
            )
            if grid is None:
                grid = g
                continue
            if g.resolution != grid.resolution:
                raise QgsProcessingException(
                    self.tr("{p} has cells of {a} m, the first table {b} m. Give tables of one resolution.").format(
                        p=path, a=g.resolution, b=grid.resolution
                    )
                )
            idx = pd.Index(grid.ids)
            other = pd.Index(g.ids)
            new = other.difference(idx)
            all_ids = idx.append(new)
            pos = all_ids.get_indexer(other)
            vals = grid.values.reindex(range(len(all_ids)))
            sts = grid.status.reindex(range(len(all_ids))).fillna("missing")
            for col in g.variables:
                name = col if col not in vals.columns else f"{col}_2"
                vals[name] = float("nan")
                sts[name] = "missing"
                vals.loc[pos, name] = g.values[col].to_numpy()
                sts.loc[pos, name] = g.status[col].to_numpy()
            import numpy as np

            gx = np.r_[grid.x, g.x[other.get_indexer(new)]]
            gy = np.r_[grid.y, g.y[other.get_indexer(new)]]
            grid = zg.GridTable(
                ids=all_ids.to_numpy(dtype=object), x=gx, y=gy, resolution=grid.resolution, values=vals, status=sts
            )
        return grid

    def _areas(self, areas, key_field, name_field, crs, context):
        """Keys, names, rings (in EPSG:3035) and geometries (areas' CRS) of the areas."""
        import numpy as np

        tr = None
        if areas.sourceCrs() != crs:
            tr = QgsCoordinateTransform(areas.sourceCrs(), crs, context.transformContext())
        keys, names, polys, geoms = [], [], [], []
        seen = set()
        for feat in areas.getFeatures():
            k = A.key_text(feat[key_field])
            g = feat.geometry()
            if k is None or g.isNull() or g.isEmpty():
                continue
            if k in seen:
                raise QgsProcessingException(
                    self.tr("The key field '{f}' has the value '{k}' twice. Each area needs its own key.").format(
                        f=key_field, k=k
                    )
                )
            seen.add(k)
            g3035 = QgsGeometry(g)
            if QgsWkbTypes.isCurvedType(g3035.wkbType()):
                g3035 = QgsGeometry(g3035.constGet().segmentize())
            if tr is not None:
                g3035.transform(tr)
            rings = []
            parts = g3035.asMultiPolygon() if g3035.isMultipart() else [g3035.asPolygon()]
            for part in parts:
                for ring in part:
                    rings.append(np.array([(p.x(), p.y()) for p in ring], dtype=float))
            keys.append(k)
            names.append(A.key_text(feat[name_field]) if name_field else None)
            polys.append(rings)
            mg = QgsGeometry(g)
            mg.convertToMultiType()
            geoms.append(mg)
        if not keys:
            raise QgsProcessingException(self.tr("The areas layer has no area with a key and a geometry."))
        return keys, names, polys, geoms

    def _write_areas(
        self, parameters, context, feedback, grid, labels, keys, names, geoms, xy, off, own, method, year, crs
    ):
        import numpy as np
        import pandas as pd

        from ..core import zensus_grid as zg
        from ..core.interpolate import interpolate_counts

        n = len(keys)
        if method == "containment":
            sums, flags, n_cells = zg.sum_cells(labels, grid.values, grid.status, n)
        else:
            shares = zg.area_shares(grid.x, grid.y, grid.resolution, xy, off, own)
            cell_ids = pd.Index(grid.ids.astype(str))
            overlap = pd.DataFrame(
                {
                    "source": cell_ids[shares["cell"].to_numpy()],
                    "target": [keys[i] for i in shares["polygon"]],
                    "area": shares["share"].to_numpy(),
                }
            )
            rest = 1.0 - shares.groupby("cell")["share"].sum()
            rest = rest[rest > 1e-9]
            overlap = pd.concat(
                [
                    overlap,
                    pd.DataFrame(
                        {"source": cell_ids[rest.index.to_numpy()], "target": "\x00outside", "area": rest.values}
                    ),
                ],
                ignore_index=True,
            )
            values = grid.values.copy()
            values.index = cell_ids
            status = grid.status.copy()
            status.index = cell_ids
            used = pd.Index(overlap["source"].unique())
            v, s, _meta = interpolate_counts(values.loc[used], status.loc[used], overlap, method="area")
            v = v.reindex(keys).fillna(0.0)
            s = s.reindex(keys)
            sums = v.reset_index(drop=True)
            flags = s.reset_index(drop=True).apply(
                lambda col: np.where(col.astype(str).isin(["incomplete", "suppressed_or_unknown"]), "incomplete", "")
            )
            n_cells = shares.groupby("polygon")["share"].sum().reindex(range(n)).fillna(0.0).to_numpy()
        out = pd.DataFrame({"key": keys, "name": names, "n_cells": n_cells})
        for col in grid.variables:
            out[f"{col}_{year}"] = sums[col].to_numpy(dtype=float)
            out[f"{col}_flag_{year}"] = flags[col].to_numpy(dtype=object)
        out["sp_method"] = json.dumps(
            {
                "method": "cell centre in the area (scanlines)" if method == "containment" else "area-weighted shares",
                "resolution_m": grid.resolution,
                "confidential_cells": "not added as 0; sums with such cells are flagged incomplete",
                "year": year,
            },
            ensure_ascii=False,
        )
        fields = self.fields_for_frame(out)
        sink, dest = self.parameterAsSink(
            parameters,
            self.OUTPUT_AREAS,
            context,
            fields,
            WkbType.MultiPolygon,
            self.parameterAsSource(parameters, self.AREAS, context).sourceCrs(),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_AREAS))
        out.index = range(n)
        self.write_frame(
            sink, fields, out, geometries=dict(enumerate(geoms)), feedback=feedback, progress_span=(50, 70)
        )
        del sink
        return dest

    def _write_cells(self, parameters, context, feedback, grid, rows, labels, crs):
        import numpy as np

        as_squares = self.parameterAsEnum(parameters, self.GEOMETRY, context) == 1
        fields = QgsFields()
        fields.append(make_field("gitter_id", "string"))
        for col in grid.variables:
            fields.append(make_field(col, "double"))
            fields.append(make_field(f"{col}_status", "string"))
        sink, dest = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, WkbType.Polygon if as_squares else WkbType.Point, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        half = grid.resolution / 2.0
        vals = grid.values.to_numpy(dtype=float)
        sts = grid.status.to_numpy(dtype=object)
        buf = []
        total = max(len(rows), 1)
        for n, i in enumerate(rows):
            if n % 5000 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(70 + 30 * n / total)
            attrs = [str(grid.ids[i])]
            for j in range(vals.shape[1]):
                v = vals[i, j]
                attrs.append(None if np.isnan(v) else float(v))
                attrs.append(None if sts[i, j] == "ok" else str(sts[i, j]))
            f = QgsFeature(fields)
            f.setAttributes(attrs)
            x, y = float(grid.x[i]), float(grid.y[i])
            if as_squares:
                f.setGeometry(QgsGeometry.fromRect(QgsRectangle(x - half, y - half, x + half, y + half)))
            else:
                f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            buf.append(f)
            if len(buf) >= 1000:
                sink.addFeatures(buf, QgsFeatureSink.Flag.FastInsert)
                buf = []
        if buf:
            sink.addFeatures(buf, QgsFeatureSink.Flag.FastInsert)
        del sink
        return dest
