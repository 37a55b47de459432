"""The `compliance` command: a thin layer over the library API.

One module per command (group); `app` holds the group and what they share.
Importing this package registers every command on `main`.
"""

from compliance.cli import check, config, extract, inspect, targets  # noqa: F401  (registers the commands)
from compliance.cli.app import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_FINDINGS, EXIT_INTERNAL, main

__all__ = ["EXIT_BAD_INPUT", "EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_INTERNAL", "main"]
