"""Helper module whose function raises after a few nested calls."""


def explode(n):
    if n == 0:
        return {}["missing key"]
    return explode(n - 1)
