"""The `compliance` command: a thin layer over the library API.

One module per command (group); `app` holds the group and what they share.
Importing this package registers every command on `main`.
"""

from compliance.cli.startup import collector_paused as _collector_paused

with _collector_paused():  # the commands' imports (compliance.cli.startup)
    # The command's process (not a library caller's: `import compliance` leaves the standard library as it is)
    # gives compliance's dataclasses the code of their generated methods from the previous run, before any
    # of them is made (compliance.compiled).
    from compliance import compiled as _compiled

    _compiled.install()

    from compliance.cli import check, config, extract, inspect, targets  # noqa: F401  (registers the commands)
    from compliance.cli.app import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_FINDINGS, EXIT_INTERNAL, main

__all__ = ["EXIT_BAD_INPUT", "EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_INTERNAL", "main"]
