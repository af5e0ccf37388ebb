"""Run the command line: ``python -m sitegen``."""

from .cli import command

command()
