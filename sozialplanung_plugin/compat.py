"""QGIS enums under their QGIS 4 names, also on QGIS 3.22.

QGIS 3.30-3.40 moved many enums into ``Qgis`` with shorter member names (``Qgis.ProcessingSourceType.VectorPolygon``
instead of ``QgsProcessing.TypeVectorPolygon``); QGIS 4 (Qt6) accepts only scoped names. Where the new enum exists
it is used as is; on older QGIS a small stand-in with the same member names holds the scoped old values. This is
the one place that knows both spellings: code elsewhere writes ``ProcessingSourceType.VectorPolygon`` and runs
unchanged on 3.22, 3.44 and 4.x.
"""

from types import SimpleNamespace

from qgis.core import (
    Qgis,
    QgsLayoutRenderContext,
    QgsMapLayerProxyModel,
    QgsPalLayerSettings,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProperty,
    QgsScaleBarSettings,
    QgsUnitTypes,
    QgsWkbTypes,
)


def _enum(new_name, old_enum, members):
    """``Qgis.<new_name>`` when this QGIS has it, else a namespace of ``old_enum``'s values under the new names.

    ``members`` maps each new member name to the old member name (the same when only the enum moved).
    """
    new = getattr(Qgis, new_name, None)
    if new is not None:
        return new
    return SimpleNamespace(**{m: getattr(old_enum, old) for m, old in members.items()})


ProcessingSourceType = _enum(
    "ProcessingSourceType",
    QgsProcessing.SourceType,
    {
        "Vector": "TypeVector",
        "VectorAnyGeometry": "TypeVectorAnyGeometry",
        "VectorPoint": "TypeVectorPoint",
        "VectorLine": "TypeVectorLine",
        "VectorPolygon": "TypeVectorPolygon",
        "File": "TypeFile",
    },
)
ProcessingAlgorithmFlag = _enum(
    "ProcessingAlgorithmFlag",
    QgsProcessingAlgorithm.Flag,
    {"CanCancel": "FlagCanCancel", "NoThreading": "FlagNoThreading"},
)
ProcessingParameterFlag = _enum(
    "ProcessingParameterFlag",
    QgsProcessingParameterDefinition.Flag,
    {"Advanced": "FlagAdvanced", "Optional": "FlagOptional", "Hidden": "FlagHidden"},
)
ProcessingFieldParameterDataType = _enum(
    "ProcessingFieldParameterDataType",
    QgsProcessingParameterField.DataType,
    {"Any": "Any", "Numeric": "Numeric", "String": "String", "DateTime": "DateTime"},
)
ProcessingFileParameterBehavior = _enum(
    "ProcessingFileParameterBehavior",
    QgsProcessingParameterFile.Behavior,
    {"File": "File", "Folder": "Folder"},
)
ProcessingNumberParameterType = _enum(
    "ProcessingNumberParameterType",
    QgsProcessingParameterNumber.Type,
    {"Integer": "Integer", "Double": "Double"},
)
WkbType = _enum(
    "WkbType",
    QgsWkbTypes.Type,
    {"NoGeometry": "NoGeometry", "Point": "Point", "MultiPolygon": "MultiPolygon", "Polygon": "Polygon"},
)
GeometryType = _enum(
    "GeometryType",
    QgsWkbTypes.GeometryType,
    {"Point": "PointGeometry", "Line": "LineGeometry", "Polygon": "PolygonGeometry", "Null": "NullGeometry"},
)
PropertyType = _enum("PropertyType", QgsProperty.Type, {"Static": "StaticProperty"})
LayoutUnit = _enum("LayoutUnit", QgsUnitTypes.LayoutUnit, {"Millimeters": "LayoutMillimeters"})
RenderUnit = _enum(
    "RenderUnit", QgsUnitTypes.RenderUnit, {"Points": "RenderPoints", "Millimeters": "RenderMillimeters"}
)
DistanceUnit = _enum("DistanceUnit", QgsUnitTypes.DistanceUnit, {"Kilometers": "DistanceKilometers"})
AreaUnit = _enum("AreaUnit", QgsUnitTypes.AreaUnit, {"SquareKilometers": "AreaSquareKilometers"})
ScaleBarSegmentSizeMode = _enum(
    "ScaleBarSegmentSizeMode", QgsScaleBarSettings.SegmentSizeMode, {"FitWidth": "SegmentSizeFitWidth"}
)
LayerFilter = _enum(
    "LayerFilter",
    QgsMapLayerProxyModel.Filter,
    {"VectorLayer": "VectorLayer", "PolygonLayer": "PolygonLayer", "PointLayer": "PointLayer"},
)
# Layout render flags: Qgis.LayoutRenderFlag on 3.44 (which refuses Qgis.RenderContextFlag there).
LayoutRenderFlag = _enum("LayoutRenderFlag", QgsLayoutRenderContext.Flag, {"Antialiasing": "FlagAntialiasing"})
# QgsPalLayerSettings.OverPoint is ambiguous on 3.40+ (placement mode vs. predefined point position).
LabelPlacement = _enum("LabelPlacement", QgsPalLayerSettings.Placement, {"OverPoint": "OverPoint"})


def save_style_to_database(layer, name, description, use_as_default=True):
    """Store the layer's style in its data source (GeoPackage, PostGIS); returns an error message, '' when saved.

    QGIS 3.44 deprecates saveStyleToDatabase (gone in QGIS 4) for saveStyleToDatabaseV2, which 3.40 lacks."""
    save_v2 = getattr(layer, "saveStyleToDatabaseV2", None)
    if save_v2 is not None:
        return save_v2(name, description, use_as_default, "")[1]
    return layer.saveStyleToDatabase(name, description, use_as_default, "")


__all__ = [
    "AreaUnit",
    "DistanceUnit",
    "GeometryType",
    "LabelPlacement",
    "LayerFilter",
    "LayoutRenderFlag",
    "LayoutUnit",
    "ProcessingAlgorithmFlag",
    "ProcessingFieldParameterDataType",
    "ProcessingFileParameterBehavior",
    "ProcessingNumberParameterType",
    "ProcessingParameterFlag",
    "ProcessingSourceType",
    "PropertyType",
    "RenderUnit",
    "ScaleBarSegmentSizeMode",
    "WkbType",
    "save_style_to_database",
]
