"""The readers room: inspections from files and back.

JSON in and out through the library's own converter, the JSON Schema of an
inspection file, the check of a whole file, and Ofsted's published outcomes
(CSV and OpenDocument). It imports only the model and the top level. Private:
import the public names from ``inspection_letters``.
"""
