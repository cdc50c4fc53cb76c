"""Module docstring."""

def f():
    """Function docstring."""
    return 1

def g():
    "single quoted"

def h():
    x = 1
    """not a docstring"""
    return x

class C:
    """Class docstring."""
    def m(self):
        """Method docstring."""

class D:
    x = "not a docstring"

lam = lambda: "not a docstring"

def only_doc():
    """Only a docstring."""

async def co():
    """Coroutine docstring."""
    await co()
