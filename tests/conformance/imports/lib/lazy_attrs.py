"""Module-level __getattr__ and __dir__ (PEP 562)."""
present = 1


def __getattr__(name):
    if name.startswith("dyn_"):
        return name[4:].upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return ["present", "dyn_example"]
