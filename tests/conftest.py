"""Shared test configuration: the hypothesis profiles.

``dev`` is loaded by default and draws new examples on every run, to keep
exploring. CI passes ``--hypothesis-profile=ci``: more examples, drawn the same
way every run (derandomized), so that whether a change lands depends on the
change and not on the draw. A failure found by ``dev`` is printed with its
reproduction blob; fix it and add it as an explicit example.
"""

from hypothesis import settings

settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("dev", max_examples=50, deadline=None, print_blob=True)
settings.load_profile("dev")
