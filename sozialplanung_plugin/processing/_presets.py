"""What a preset of compositeindex needs, checked before it runs (issue 19).

A planner who picks a preset and the obvious fields gets the published method, or a message saying what is
missing, never a silently different index:
- Berlin MSS leaves out units with fewer than 300 residents: it needs the residents field (found on the layer
  when it holds the catalogue's residents indicator for the indicators' year);
- English IoD combines the domains with the published weights: the domains must be the seven IoD domains;
- a field that looks like a rank (1 = most deprived) is never read as 'higher = more need' unless told;
- GISD: the published class rule and optional fixed loadings; the RKI steps not made here are stated.

The rules themselves (residents field, rank names, IoD domains) are core.index's; here they are put into the
algorithm's words (log lines, messages). core.index is imported in the functions (pandas: not at QGIS start-up).
"""

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..core.fields import number_from_text


def residents(alg, preset, pop, min_res, fields, names, feedback):
    """(residents field, minimum residents) for the run.

    MSS: the residents field is required (published rule: fewer than 300 residents leave the reference); when
    it is not chosen, the layer's residents field of the indicators' year is used and named in the log. Every
    method: a minimum without a residents field is an error, not silently nothing.
    """
    from ..core.index import MSS_MIN_RESIDENTS, guess_residents

    if min_res == MSS_MIN_RESIDENTS and not pop and preset != "berlin_mss":
        # the former default, stored in models saved before it became optional: nothing to exclude, say so
        feedback.pushWarning(
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "Minimum residents 300 without a residents field: no unit is left out. Choose 'Residents' to apply it.",
            )
        )
        min_res = None
    if min_res is not None and not pop and preset != "berlin_mss":
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "A minimum of residents ({}) needs the residents field: choose it under 'Residents', or leave the "
                "minimum empty.",
            ).format(min_res)
        )
    if preset == "berlin_mss" and not pop:
        pop = guess_residents(fields, names)
        if pop is None:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm",
                    "Berlin MSS leaves out units with fewer than 300 residents, so it needs the residents field. "
                    "Choose it under 'Residents' (e.g. einwohner_2025).",
                )
            )
        feedback.pushInfo(
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "Berlin MSS: residents from the field '{}' (units with fewer than {} leave the reference).",
            ).format(pop, MSS_MIN_RESIDENTS if min_res is None else min_res)
        )
    if pop and min_res is None:
        min_res = MSS_MIN_RESIDENTS
    return pop, min_res


def check_ranks(alg, specs):
    """A field named like a rank whose direction nobody stated: stop (a rank 1 is the most deprived unit, so a
    high rank is less need, the opposite of what the default 'higher = worse' would read)."""
    from ..core.index import looks_like_rank

    for s in specs:
        if looks_like_rank(s["field"]) and not str(s.get("_direction_source", "")).startswith(("given", "cat")):
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm",
                    "Field '{}' looks like a rank (1 = most deprived), where a higher number means less need. List it "
                    "under 'Higher is better', or choose the score field instead.",
                ).format(s["field"])
            )


def iod_weights(alg, domains, domain_weights, feedback):
    """Weights per domain: the published IoD weights when none are given; given ones with a warning that the
    index is then not the published IoD. ``domains``: {domain name: score field}."""
    from ..core.index import IOD_WEIGHTS, match_iod_domains

    if domain_weights:
        feedback.pushWarning(
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "English IoD with your own domain weights: the index is not the published IoD.",
            )
        )
        return {d: domain_weights.get(d, 0.0) for d in domains}
    # a domain named in the table; without the table the domain is the score field itself
    matched, unknown, doubles = match_iod_domains(domains)
    published = ", ".join(f"{k} {v:g} %" for k, v in IOD_WEIGHTS.items())
    if unknown or doubles:
        problem = (
            QCoreApplication.translate("SozialplanungAlgorithm", "domain(s) {} are none of them").format(
                ", ".join(unknown)
            )
            if unknown
            else QCoreApplication.translate("SozialplanungAlgorithm", "{} is given twice").format(", ".join(doubles))
        )
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "English IoD combines the seven domains with the published weights ({p}); {x}. Name each score "
                "field's domain in the table 'Domains' (income, employment, education, health, crime, barriers, "
                "living_environment), or give your own 'Domain weights' (the index is then not the published IoD).",
            ).format(p=published, x=problem)
        )
    missing = [k for k in IOD_WEIGHTS if k not in matched.values()]
    if missing:
        feedback.pushWarning(
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "English IoD with {n} of the 7 domains: the published weights of these domains, rescaled to "
                "100 %; missing: {m}. The index is not the published IoD.",
            ).format(n=len(matched), m=", ".join(missing))
        )
    else:
        feedback.pushInfo(
            QCoreApplication.translate(
                "SozialplanungAlgorithm", "English IoD: the published domain weights ({})."
            ).format(published)
        )
    return {d: IOD_WEIGHTS[matched[d]] for d in domains}


def gisd_loadings(alg, parameters, name, context, fields):
    """{field: coefficient} from the fixed-loadings table (numbers checked, fields among the indicators)."""
    from . import _params as P

    out = {}
    for n, (fld, coef) in enumerate(P.matrix_rows(alg, parameters, name, context, 2), start=1):
        if fld not in fields:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm", "GISD fixed loadings, row {n}: '{f}' is not one of the indicators."
                ).format(n=n, f=fld)
            )
        value = number_from_text(coef)  # '0,5' or '0.5'
        if value is None:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm", "GISD fixed loadings, row {n}: '{c}' is not a number."
                ).format(n=n, c=coef)
            )
        out[fld] = value
    return out


def report_gisd(alg, record, feedback):
    """Say in the log which of the RKI's steps were not applied and whether the class rule is the published."""
    steps = record.get("rki_steps_not_applied") or []
    if steps:
        feedback.pushWarning(
            QCoreApplication.translate("SozialplanungAlgorithm", "GISD: steps of the RKI not applied here: {}.").format(
                "; ".join(steps)
            )
        )
    rule = record.get("class_rule") or {}
    if rule and not rule.get("published"):
        feedback.pushWarning(
            QCoreApplication.translate(
                "SozialplanungAlgorithm", "GISD quintiles with quantile type {} (not the published rule, type 9)."
            ).format(rule.get("quantile_type"))
        )
