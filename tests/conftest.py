"""Shared test configuration: the hypothesis profiles.

``dev`` is loaded by default; CI passes ``--hypothesis-profile=ci``.
"""

from hypothesis import settings

settings.register_profile("ci", max_examples=200, deadline=None, derandomize=False, print_blob=True)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("dev")
