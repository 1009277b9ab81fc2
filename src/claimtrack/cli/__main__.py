"""``python -m claimtrack.cli``: the ``claimtrack`` command."""

from claimtrack.cli import main

main()
