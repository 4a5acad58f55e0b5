"""A test plugin: the audience ``governors``, offered through an entry point.

Installed into the test environment (``pip install -e tests/plugin_package``),
it is found by the default registry through the entry-point group
``inspection_letters.audiences`` without any import of the user's. It is also
the complete minimal plugin that docs/howto/custom-audience.md shows.
"""

from importlib.resources import files

from inspection_letters import Audience, graded_only

__all__ = ["AUDIENCE"]

AUDIENCE = Audience(
    name="governors",
    prepare=graded_only,
    template="governors.jinja",
    directory=files(__name__) / "templates",
    description="A note to a council's governors (a test plugin).",
)
