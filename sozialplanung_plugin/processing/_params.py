"""Parameter declarations shared by the algorithms: basic vs advanced, dialog widgets, typed tables.

The dialog widgets (indicator/year/part picker, indicator list, preset switch) are named by their dotted path in
the parameter metadata, so ``ui/parameter_widgets.py`` is imported only when a dialog opens, never by
``qgis_process``. Tables (matrix parameters) replace the old ``name=value; ...`` texts; the old texts are still
read, so scripts, models and ``qgis_process`` calls written for them keep working.
"""

from qgis.PyQt.QtCore import QCoreApplication

from ..compat import ProcessingParameterFlag
from .base import attr_text

_PACKAGE = __name__.rsplit(".", 2)[0]  # 'sozialplanung_plugin' (the plugin folder's name)


def advanced(param):
    """The parameter under 'Advanced parameters' in the dialog."""
    param.setFlags(param.flags() | ProcessingParameterFlag.Advanced)
    return param


def hidden(param):
    """Kept for scripts and models written for it, not shown in the dialog."""
    param.setFlags(param.flags() | ProcessingParameterFlag.Hidden)
    return param


def helped(param, text):
    """A tooltip for the parameter's widget (the label stays short)."""
    param.setHelp(text)
    return param


def widget(param, cls, **options):
    """Show the parameter with one of the ui.parameter_widgets wrappers (dialogs only)."""
    meta = dict(param.metadata() or {})
    meta["widget_wrapper"] = {"class": f"{_PACKAGE}.ui.parameter_widgets.{cls}", **options}
    param.setMetadata(meta)
    return param


def indicator_fields(param, parts=("",), absolute=False):
    """A field parameter chosen as indicator, year and part ('' value, 'num' count, 'chg' change); ``absolute``:
    only counts (indicators without a denominator, e.g. residents)."""
    return widget(param, "IndicatorFieldWrapper", parts=list(parts), absolute=absolute)


def indicator_ids(param, multiple=True, layer_param=None):
    """A text parameter of catalogue ids chosen from the indicators by name."""
    return widget(param, "IndicatorIdsWrapper", multiple=multiple, layer_param=layer_param)


def facility_types(param, file_param):
    """A text parameter of facility type ids shown as the types of the types file (``file_param``) by name; the
    plain form (batch, models, qgis_process) is the ids separated by commas, e.g. 'kita,hausarzt'."""
    helped(
        param,
        QCoreApplication.translate(
            "SozialplanungAlgorithm",
            "In batch mode and qgis_process: type ids separated by commas, e.g. kita,hausarzt.",
        ),
    )
    return widget(param, "FacilityTypesWrapper", file_param=file_param)


def years(param, layer_param=None, ordered=False, empty=""):
    """A text parameter of years ('2014, 2024') shown as a year list: the years of ``layer_param``'s indicator
    fields to tick, any other year added with a year box; ``ordered``: in the order given (one per table);
    ``empty``: what no year means ('layer': all of the layer's, 'tables': from the tables). The plain form
    (batch, models, qgis_process) stays the years separated by commas."""
    helped(
        param,
        QCoreApplication.translate(
            "SozialplanungAlgorithm", "In batch mode and qgis_process: years separated by commas, e.g. 2014, 2024."
        ),
    )
    return widget(param, "YearsWrapper", layer_param=layer_param, ordered=ordered, empty_hint=empty)


def count_variable(param):
    """A text parameter of one count's id (e.g. the weight 'einwohner') chosen from the catalogue's counts by
    name; the plain form is the id."""
    helped(
        param,
        QCoreApplication.translate(
            "SozialplanungAlgorithm",
            "A count of the catalogue (e.g. Einwohner) or another variable id of the store; in batch mode and "
            "qgis_process its id, e.g. einwohner.",
        ),
    )
    return widget(param, "CountVariableWrapper")


# ------------------------------------------------------------------------------------------------------------
# tables (matrix parameters) with the old text form still understood
# ------------------------------------------------------------------------------------------------------------
def matrix_rows(alg, parameters, name, context, ncols):
    """Rows of a matrix parameter as lists of stripped strings (empty rows dropped)."""
    flat = alg.parameterAsMatrix(parameters, name, context) or []
    values = [attr_text(v).strip() for v in flat]
    rows = [values[i : i + ncols] for i in range(0, len(values), ncols)]
    return [r + [""] * (ncols - len(r)) for r in rows if any(r)]


def legacy_text(parameters, name, marks=("=", ":")):
    """The parameter's value when it is a text in the old 'name=value; ...' form, else None."""
    value = parameters.get(name)
    if isinstance(value, str) and value.strip():
        text = value.strip()
        if any(m in text for m in marks) or text.lower() == "catalogue" or ";" in text:
            return text
    return None


def pairs_text(alg, parameters, name, context, what, ncols=2):
    """A two- (or three-) column table as the text 'key=value; ...' (or 'key=lower:upper; ...') that the index
    glue parses; the old text form passes through. Errors name the table and the row."""
    old = legacy_text(parameters, name)
    if old is not None:
        return old
    from qgis.core import QgsProcessingException

    items = []
    for n, row in enumerate(matrix_rows(alg, parameters, name, context, ncols), start=1):
        if not row[0] or not all(row[1:]):
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm", "{what}, row {n}: fill in every column (got {row})."
                ).format(what=what, n=n, row=" | ".join(row))
            )
        items.append(f"{row[0]}=" + ":".join(row[1:]))
    return "; ".join(items)


def domains_text(alg, parameters, name, context, catalogue_param=None):
    """Domains table (domain, indicator field; one row per field) as 'domain: f1, f2; ...'; the old text and
    'catalogue' pass through; ``catalogue_param`` (a boolean) asks for the catalogue's action fields."""
    if catalogue_param and alg.parameterAsBool(parameters, catalogue_param, context):
        return "catalogue"
    old = legacy_text(parameters, name)
    if old is not None:
        return old
    from qgis.core import QgsProcessingException

    groups = {}
    for n, (dom, fld) in enumerate(matrix_rows(alg, parameters, name, context, 2), start=1):
        if not dom or not fld:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm", "Domains, row {n}: give the domain and one indicator field."
                ).format(n=n)
            )
        groups.setdefault(dom, []).extend(f.strip() for f in fld.split(",") if f.strip())
    return "; ".join(f"{d}: {', '.join(fs)}" for d, fs in groups.items())


def breaks_text(alg, parameters, name, context):
    """Class breaks table (one column) as '-1; 0; 1'; the old text passes through."""
    value = parameters.get(name)
    if isinstance(value, str):
        return value
    return "; ".join(r[0] for r in matrix_rows(alg, parameters, name, context, 1))


def directions_text(alg, parameters, context, better="HIGHER_BETTER", worse="HIGHER_WORSE", old="DIRECTIONS"):
    """Directions from the two field lists (higher = better / higher = worse) plus the old text form."""
    parts = []
    legacy = parameters.get(old)
    if isinstance(legacy, str) and legacy.strip():
        parts.append(legacy.strip())
    chosen = {}
    for pname, word in ((better, "higher_better"), (worse, "higher_worse")):
        if pname in parameters:
            chosen[word] = alg.parameter_as_field_names(parameters, pname, context)
    both = sorted(set(chosen.get("higher_better", [])) & set(chosen.get("higher_worse", [])))
    if both:
        from qgis.core import QgsProcessingException

        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "{} is listed both as 'higher is better' and as 'higher is worse'; keep it in one.",
            ).format(", ".join(both))
        )
    for word, fields in chosen.items():
        parts += [f"{f}={word}" for f in fields]
    return "; ".join(parts)


def arrange(alg, advanced=(), helps=None, fields=None, ids=None):
    """After initAlgorithm's addParameter calls: the named parameters under 'Advanced', tooltips for others,
    ``fields``: {field parameter: parts} shown as indicator/year/part, ``ids``: {text parameter: options of
    indicator_ids} shown as the indicator list."""
    for name, parts in (fields or {}).items():
        indicator_fields(alg.parameterDefinition(name), parts)
    for name, options in (ids or {}).items():
        indicator_ids(alg.parameterDefinition(name), **options)
    for name in advanced:
        param = alg.parameterDefinition(name)
        if param is None:
            raise KeyError(f"{alg.name()}: no parameter {name} to put under 'Advanced'")
        param.setFlags(param.flags() | ProcessingParameterFlag.Advanced)
    for name, text in (helps or {}).items():
        helped(alg.parameterDefinition(name), text)
