"""A test plugin: the audience ``governors``, offered through an entry point.

Installed into the test environment (``pip install -e tests/plugin_package``),
it is found by the default registry through the entry-point group
``inspection_letters.audiences`` without any import of the user's.
"""

from inspection_letters import Audience, graded_only

__all__ = ["AUDIENCE", "SOURCE"]

#: The letter's template: a short note to the governors, with the grade table.
SOURCE = """\
{% call set("title") %}A note for the governors of {{ area }}{% endcall %}
{% call set("salutation") %}To the governors{% endcall %}
{% call paragraph() %}Inspectors have graded {{ area }}'s children's services.{% endcall %}
{{ grade_table(grades, caption="The grades for " ~ area, headers=("Judgement", "Grade")) }}
{% call set("closing") %}From the test plugin{% endcall %}
"""

AUDIENCE = Audience(
    name="governors",
    prepare=graded_only,
    source=SOURCE,
    description="A note to a council's governors (a test plugin).",
)
