"""Core submodule."""


class Engine:
    def __init__(self, power):
        self.power = power

    def __repr__(self):
        return f"Engine({self.power})"


def run(engine):
    return f"running {engine!r}"
