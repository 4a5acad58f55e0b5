"""``python -m inspection_letters``: the command line."""

from ._cli.commands import main

if __name__ == "__main__":
    main()
