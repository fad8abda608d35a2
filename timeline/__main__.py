"""`python -m timeline` runs the command line."""

from .cli import main

main()
