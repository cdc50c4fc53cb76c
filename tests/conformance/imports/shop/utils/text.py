"""Text helpers."""


def pad(s, width=12):
    return s.rjust(width)


def beyond():
    from .... import nothing  # noqa: F401
