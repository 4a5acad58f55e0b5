"""The model room: the ILACS domain as immutable values, and the framework's rules.

Grades, eras, judgement areas and inspection types; the inspection and its parts;
the people and offices of letters; the value checks every field runs; the grading
rules. It stands on nothing but the top level's errors: every other room builds
on it. Private: import the public names from ``inspection_letters``.
"""
