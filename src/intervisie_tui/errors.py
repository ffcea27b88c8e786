"""One exception family for every problem we expect and explain to the user.

The CLI catches `IntervisieError` and prints its message as one line on stderr;
anything else is a bug. Messages are already translated when raised.
"""


class IntervisieError(Exception):
    """A problem the user can understand and act on."""

    exit_code = 1


class UsageProblem(IntervisieError):
    """The command was typed in a way that cannot work (exit code 2, like a usage error)."""

    exit_code = 2
