"""``python -m inspection_letters``: the command line."""

from ._cli import main

if __name__ == "__main__":
    main()
