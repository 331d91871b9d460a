"""The one exception type that reaches the user as a one-line message."""


class InputError(Exception):
    """Bad input or an unusable output path.

    The CLI prints ``zhen: error: <message>`` and exits with status 2; the
    message must therefore be a single line a translator can act on.
    """
