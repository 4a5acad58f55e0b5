"""``python -m inspection_letters``: the command line."""

import sys


def main() -> None:
    """Run the command line (arrives with the command-line issue)."""
    sys.exit("the command line is not built yet")


if __name__ == "__main__":
    main()
