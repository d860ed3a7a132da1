"""Computing core of Sozialplanung: plain Python on pandas/numpy/scipy, no QGIS import.

Usable from a notebook or a script; the Processing algorithms are thin glue around it.
"""
