"""The letters room: from an inspection to a ``Letter``.

The letter's structure (its blocks), the audiences and their registry, the
director's letter policy, the builder templates call, the Jinja2 environment
and its sandbox, the templates themselves and ``render_letter``. It imports the
model and the top level; the writers' registry only lazily, inside
``Letter.to_*``. Private: import the public names from ``inspection_letters``.
"""
