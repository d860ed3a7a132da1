"""Shared base of all Sozialplanung algorithms: naming, groups, help, error handling, layer <-> table glue.

Algorithms are thin: they read QGIS layers into plain tables, call the core (no QGIS there) and write the
result back through feature sinks. Heavy modules (pandas, numpy) are imported inside the methods that need
them, never at module level, so QGIS start-up stays fast.
"""

import math

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingException,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, QDateTime, QVariant
from qgis.PyQt.QtGui import QIcon

from ..core.errors import InputError
from ..core.fields import is_missing, key_text, to_number, to_text
from ..core.i18n import fill, quote
from ..toolbelt.i18n import help_text
from ..toolbelt.log import log_error
from ..toolbelt.paths import resource

# QGIS >= 3.38 (and QGIS 4 / Qt6) types fields by QMetaType, older versions by QVariant.
if Qgis.QGIS_VERSION_INT >= 33800:  # pragma: no cover - not on 3.22
    from qgis.PyQt.QtCore import QMetaType

    FIELD_TYPES = {
        "int": QMetaType.Type.LongLong,
        "double": QMetaType.Type.Double,
        "string": QMetaType.Type.QString,
        "bool": QMetaType.Type.Bool,
        "date": QMetaType.Type.QDate,
    }
else:
    FIELD_TYPES = {
        "int": QVariant.Type.LongLong,
        "double": QVariant.Type.Double,
        "string": QVariant.Type.String,
        "bool": QVariant.Type.Bool,
        "date": QVariant.Type.Date,
    }


def make_field(name, kind, alias=None, comment=None):
    """A QgsField of kind 'int' | 'double' | 'string' | 'bool' | 'date' that works on QGIS 3.22 to 4."""
    field = QgsField(name, FIELD_TYPES[kind])
    if kind == "double":
        field.setLength(20)
        field.setPrecision(6)
    if alias:
        field.setAlias(alias)
    if comment:
        field.setComment(comment)
    return field


def group_names():
    """Translated names of the algorithm groups, by group id."""
    translate = QCoreApplication.translate
    return {
        # numbered: the toolbox sorts groups by name, the numbers keep the order of the work
        "spaces": translate("SozialplanungAlgorithm", "1 Social spaces"),
        "indicators": translate("SozialplanungAlgorithm", "2 Indicators"),
        "indices": translate("SozialplanungAlgorithm", "3 Composite indices"),
        "analysis": translate("SozialplanungAlgorithm", "4 Analysis"),
        "infrastructure": translate("SozialplanungAlgorithm", "5 Infrastructure and accessibility"),
        "maps": translate("SozialplanungAlgorithm", "6 Map sheets"),
        "reports": translate("SozialplanungAlgorithm", "7 Reports"),
        "monitoring": translate("SozialplanungAlgorithm", "8 Monitoring database"),
        "catalogue": translate("SozialplanungAlgorithm", "9 Indicator catalogue"),
    }


class SozialplanungAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ALG_ID and GROUP, define name texts, parameters and ``compute`` (not ``run``: that is QgsProcessingAlgorithm.run).

    ``compute(parameters, context, feedback)`` does the work; an ``InputError`` from the core becomes a
    ``QgsProcessingException`` with the same planner-readable message.
    """

    ALG_ID = None  # lowercase id, unique in the provider
    GROUP = None  # one of group_names()
    ICON = "sozialplanung.svg"

    # --- identity -------------------------------------------------------------------------------
    def tr(self, string):
        """Translate in the subclass's context; texts of the base itself (groups) in the base's context."""
        text = QCoreApplication.translate(type(self).__name__, string)
        if text == string:
            text = QCoreApplication.translate("SozialplanungAlgorithm", string)
        return text

    def createInstance(self):
        return type(self)()

    def name(self):
        return self.ALG_ID

    def groupId(self):
        return self.GROUP

    def group(self):
        return group_names().get(self.GROUP, self.GROUP)

    def icon(self):
        return QIcon(str(resource("icons", self.ICON)))

    def shortHelpString(self):
        return help_text(self.ALG_ID)

    def helpUrl(self):
        return "https://github.com/sozialplanung/sozialplanung-qgis/blob/main/docs/algorithms.md#" + self.ALG_ID

    # --- running --------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        """Run ``compute``; file outputs are written under a temporary name and renamed only on success.

        Whatever goes wrong, the user sees one message without a traceback and no output is created or left:
        an ``InputError`` keeps its planner-readable message, an unexpected error names the algorithm and
        the error (the traceback goes to the QGIS log), and the partial outputs are removed."""
        from ._atomic import AtomicOutputs

        self._atomic_outputs = outputs = AtomicOutputs()
        try:
            try:
                results = self.compute(parameters, context, feedback)
            except QgsProcessingException as err:
                outputs.discard(err)
                raise
            except InputError as err:
                outputs.discard(err)
                raise QgsProcessingException(str(err)) from None
            except Exception as err:  # noqa: BLE001 - last resort: a message instead of a traceback
                outputs.discard(err)
                raise QgsProcessingException(self._unexpected_error_message(err)) from None
            return outputs.commit(results, context)
        finally:
            self._atomic_outputs = None

    def _unexpected_error_message(self, err):
        """A defect, not bad input: the traceback goes to the QGIS message log (tab Sozialplanung), the user gets
        a sentence (first line of the error only: no traceback text) and the promise that nothing was written."""
        text = log_error(err, f"sozialplanung:{self.ALG_ID}")
        detail = text.strip().splitlines()[0] if text.strip() else type(err).__name__
        return (
            self.tr(
                "{alg} stopped on an unexpected error: {err}. The details are in the QGIS message log "
                "(tab Sozialplanung); please report them."
            ).format(alg=self.displayName(), err=detail)
            + " "
            + self.tr("Nothing was written.")
        )

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API
        """QGIS's check, with a message that names the parameter, the value and what is allowed (instead of
        'Incorrect parameter value for X')."""
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            return ok, message
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name()) if hasattr(parameters, "get") else None
            if not definition.checkValueIsAcceptable(value, context):
                return False, parameter_message(definition, value)
        return ok, message

    def parameterAsSource(self, parameters, name, context):  # noqa: N802 - QGIS API
        """Like QgsProcessingAlgorithm.parameterAsSource, without QGIS's invalid-geometry check.

        The algorithms repair or report invalid geometries themselves (processing/_checks.py). QGIS's check
        raises from inside the feature iterator, and on QGIS 3.22 / Python 3.11 the next algorithm run in the
        same process then crashes (segmentation fault)."""
        source = super().parameterAsSource(parameters, name, context)
        if source is not None:
            source.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        return source

    def parameterAsSink(self, parameters, name, context, fields, *args, **kwargs):  # noqa: N802 - QGIS API
        """Like QgsProcessingAlgorithm.parameterAsSink, but a file output is created under a temporary name
        beside the destination and renamed when the algorithm succeeds (never a half-written file)."""
        outputs = getattr(self, "_atomic_outputs", None)
        if outputs is not None:
            parameters = outputs.redirect_sink(self, parameters, name, context)
        try:
            return super().parameterAsSink(parameters, name, context, fields, *args, **kwargs)
        except QgsProcessingException as err:
            if outputs is None:
                raise
            raise QgsProcessingException(outputs.final_text(str(err))) from None

    def parameterAsFileOutput(self, parameters, name, context):  # noqa: N802 - QGIS API
        """Like QgsProcessingAlgorithm.parameterAsFileOutput, but the file is written under a temporary name
        and renamed when the algorithm succeeds."""
        path = super().parameterAsFileOutput(parameters, name, context)
        outputs = getattr(self, "_atomic_outputs", None)
        return outputs.redirect_file(path) if outputs is not None else path

    def compute(self, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError

    # --- checks with planner-readable messages ----------------------------------------------------
    def parameter_as_field_names(self, parameters, name, context):
        """Field names of a multiple field parameter (``parameterAsFields`` is deprecated since QGIS 3.40)."""
        if hasattr(self, "parameterAsStrings"):  # QGIS >= 3.40
            return list(self.parameterAsStrings(parameters, name, context))
        return list(self.parameterAsFields(parameters, name, context))

    def require_layer(self, layer, parameter_name):
        if layer is None:
            raise QgsProcessingException(
                self.tr("The layer for '{}' could not be loaded. Check that the file or source exists.").format(
                    parameter_name
                )
            )
        return layer

    def require_fields(self, layer, field_names, what=""):
        names = layer.fields().names()
        missing = [f for f in field_names if f and f not in names]
        if missing and not names and layer.featureCount() == 0:
            self.require_features(layer)  # an empty file: say so, not "no field"
        if missing:
            raise QgsProcessingException(
                self.tr(
                    "Layer '{layer}' has no field {missing}{what}. Its fields are: {fields}. "
                    "Choose the right field or layer."
                ).format(
                    layer=layer_label(layer),
                    missing=", ".join(quote(m) for m in missing),
                    what=f" ({what})" if what else "",
                    fields=", ".join(names),
                )
            )

    def require_features(self, layer):
        if layer.featureCount() == 0:
            raise QgsProcessingException(
                self.tr("Layer '{}' has no features. Choose a layer with data.").format(layer_label(layer))
            )

    def require_same_crs(self, first, second):
        if _crs(first) != _crs(second):
            raise QgsProcessingException(
                self.tr(
                    "Layers '{a}' ({acrs}) and '{b}' ({bcrs}) have different coordinate reference systems. "
                    "Reproject one of them (Vector > Data Management > Reproject Layer) and run again."
                ).format(
                    a=layer_label(first), acrs=_crs(first).authid(), b=layer_label(second), bcrs=_crs(second).authid()
                )
            )

    def check_canceled(self, feedback):
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(self.tr("Canceled: nothing was written."))

    # --- layer <-> table glue -----------------------------------------------------------------------
    def layer_frame(self, layer, field_names=None, feedback=None, progress_span=(0, 20), with_geometry=False):
        """Attributes of a layer as a pandas DataFrame indexed by feature id (and geometries if asked)."""
        import pandas as pd

        names = field_names or layer.fields().names()
        idx = [layer.fields().lookupField(n) for n in names]
        rows, fids, geoms = [], [], {}
        total = max(layer.featureCount(), 1)
        start, end = progress_span
        for i, feat in enumerate(layer.getFeatures()):
            if feedback is not None and i % 1000 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(start + (end - start) * i / total)
            attrs = feat.attributes()
            rows.append([plain_value(attrs[j]) for j in idx])
            fids.append(feat.id())
            if with_geometry:
                geoms[feat.id()] = feat.geometry()
        frame = pd.DataFrame(rows, columns=names, index=pd.Index(fids, name="fid"))
        return (frame, geoms) if with_geometry else frame

    @staticmethod
    def fields_for_frame(frame, aliases=None, base_fields=None):
        """QgsFields for a DataFrame's columns (after optional base fields), with aliases."""
        import pandas.api.types as ptypes

        fields = QgsFields(base_fields) if base_fields is not None else QgsFields()
        aliases = aliases or {}
        for col in frame.columns:
            dtype = frame[col].dtype
            if ptypes.is_bool_dtype(dtype):
                kind = "bool"
            elif ptypes.is_integer_dtype(dtype):
                kind = "int"
            elif ptypes.is_float_dtype(dtype):
                kind = "double"
            else:
                kind = "string"
            fields.append(make_field(str(col), kind, aliases.get(col)))
        return fields

    def write_frame(
        self,
        sink,
        fields,
        frame,
        geometries=None,
        base_attributes=None,
        feedback=None,
        progress_span=(80, 100),
        batch=200,
    ):
        """Write DataFrame rows to a sink, with geometries by index key and optional leading attributes.

        Values are converted column by column (wide outputs have thousands of fields: value-by-value conversion
        took most of the writing time) and features are added in batches."""
        total = max(len(frame), 1)
        start, end = progress_span
        buf = []
        for i, (key, row) in enumerate(zip(frame.index, frame_rows(frame))):
            if feedback is not None and i % 500 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(start + (end - start) * i / total)
            feat = QgsFeature(fields)
            attrs = list(base_attributes.get(key, [])) if base_attributes else []
            attrs.extend(row)
            feat.setAttributes(attrs)
            if geometries is not None and key in geometries:
                feat.setGeometry(geometries[key])
            buf.append(feat)
            if len(buf) >= batch:
                sink.addFeatures(buf, QgsFeatureSink.Flag.FastInsert)
                buf = []
        if buf:
            sink.addFeatures(buf, QgsFeatureSink.Flag.FastInsert)


def parameter_message(definition, value):
    """Why a parameter value is refused, in words: the allowed range, the choices, the file type."""
    from qgis.core import (
        QgsProcessingParameterEnum,
        QgsProcessingParameterFile,
        QgsProcessingParameterNumber,
    )

    translate = QCoreApplication.translate
    label = definition.description() or definition.name()
    shown = value if not isinstance(value, (list, tuple)) else ", ".join(map(str, value))
    if value is None or shown == "":
        return translate("SozialplanungAlgorithm", "Parameter '{p}' ({n}) is required: give a value.").format(
            p=label, n=definition.name()
        )
    allowed = ""
    if definition.type() in ("source", "vector", "raster", "layer") and isinstance(value, str):
        import os

        path = value.split("|")[0]
        reason = (
            translate("SozialplanungAlgorithm", "the file does not exist")
            if not os.path.exists(path)
            else translate("SozialplanungAlgorithm", "it cannot be opened as a layer (damaged, or not a GIS file)")
        )
        return translate(
            "SozialplanungAlgorithm", "Parameter '{p}' ({n}): '{v}': {r}. Choose the layer's file and run again."
        ).format(p=label, n=definition.name(), v=value, r=reason)
    if isinstance(definition, QgsProcessingParameterNumber):
        lo, hi = definition.minimum(), definition.maximum()
        allowed = fill(translate("SozialplanungAlgorithm", "a number from {lo:g} to {hi:g}"), lo=lo, hi=hi)
    elif isinstance(definition, QgsProcessingParameterEnum):
        options = "; ".join(f"{k} = {o}" for k, o in enumerate(definition.options()))
        allowed = translate("SozialplanungAlgorithm", "one of {}").format(options) + (
            translate("SozialplanungAlgorithm", " (several allowed)") if definition.allowMultiple() else ""
        )
    elif isinstance(definition, QgsProcessingParameterFile):
        ext = definition.extension() or definition.fileFilter()
        allowed = (
            translate("SozialplanungAlgorithm", "an existing file of type {}").format(ext)
            if ext
            else translate("SozialplanungAlgorithm", "an existing file")
        )
    return fill(
        translate(
            "SozialplanungAlgorithm",
            "Parameter '{p}' ({n}): the value '{v}' is not accepted{a}. Correct it and run again.",
        ),
        p=label,
        n=definition.name(),
        v=shown,
        a=translate("SozialplanungAlgorithm", "; allowed: {}").format(allowed) if allowed else "",
    )


def frame_rows(frame):
    """Rows of a DataFrame as lists of plain Python values, None for NaN/NA (converted block-wise)."""
    import numpy as np
    import pandas as pd
    import pandas.api.types as ptypes

    out = np.empty(frame.shape, dtype=object)
    kinds = {"float": [], "int": [], "other": []}
    for j, dt in enumerate(list(frame.dtypes)):
        if ptypes.is_float_dtype(dt) and not isinstance(dt, pd.api.extensions.ExtensionDtype):
            kinds["float"].append(j)
        elif (ptypes.is_integer_dtype(dt) or ptypes.is_bool_dtype(dt)) and not isinstance(
            dt, pd.api.extensions.ExtensionDtype
        ):
            kinds["int"].append(j)
        else:
            kinds["other"].append(j)
    if kinds["float"]:
        arr = frame.iloc[:, kinds["float"]].to_numpy(dtype=float)
        obj = arr.astype(object)
        obj[np.isnan(arr)] = None
        out[:, kinds["float"]] = obj
    if kinds["int"]:
        out[:, kinds["int"]] = frame.iloc[:, kinds["int"]].to_numpy().astype(object)
    if kinds["other"]:
        obj = frame.iloc[:, kinds["other"]].to_numpy(dtype=object)
        obj[pd.isna(obj)] = None
        if obj.size and ptypes.infer_dtype(obj.ravel(), skipna=True) not in ("string", "empty"):
            obj = np.frompyfunc(qgis_value, 1, 1)(obj)  # text and None pass unchanged: no call per value
        out[:, kinds["other"]] = obj
    return out.tolist()


def layer_label(layer):
    """A name for a layer or feature source in messages."""
    from ..core.secrets import redact

    for attr in ("name", "sourceName", "source"):
        getter = getattr(layer, attr, None)
        if getter is not None and getter():
            return redact(getter())  # a source text may carry an inline password
    return "?"


def _crs(layer):
    return layer.sourceCrs()  # a vector layer or a processing feature source (QgsFeatureSource)


def plain_value(value):
    """The QVariant side of core.fields: an attribute value as a plain Python value (NULL -> None, a date as
    'yyyy-MM-dd'). Called per cell: keep it cheap. Docks and algorithms convert attributes only through this."""
    if value is None or isinstance(value, (int, float, str)):
        return value
    if isinstance(value, (QDate, QDateTime)):
        return value.toString("yyyy-MM-dd") if value.isValid() else None
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def to_shapely(geometry):
    """A QgsGeometry as a shapely geometry (through WKB; shapely imported here, not at QGIS start-up)."""
    import shapely.wkb

    return shapely.wkb.loads(bytes(geometry.asWkb()))


def attr_number(value):
    """An attribute value as float; None for NULL, NaN, empty or non-numeric (core.fields.to_number)."""
    return to_number(plain_value(value))


def attr_float(value):
    """An attribute value as float for arrays of counts: NaN for NULL; text that is no number raises ValueError."""
    value = plain_value(value)
    return math.nan if is_missing(value) else float(value)


def attr_text(value):
    """An attribute value as text; '' for NULL (core.fields.to_text)."""
    return to_text(plain_value(value))


def attr_str(value):
    """An attribute value as text; None for NULL (names, labels: '' stays '')."""
    value = plain_value(value)
    return None if value is None else str(value)


def attr_key(value):
    """An attribute value as a unit key (core.fields.key_text): text, stripped, '5378004.0' -> '5378004'."""
    return key_text(plain_value(value))


def attr_keys(values):
    """attr_key() of every value; text values (the common case) only lose their blanks."""
    values = list(values)
    if set(map(type, values)) <= {str}:
        return [v.strip() or None for v in values]
    return [attr_key(v) for v in values]


def qgis_value(value):
    """Plain/numpy value to something a QgsFeature attribute accepts (NaN -> NULL)."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
