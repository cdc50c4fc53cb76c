# Module globals without a reference cycle: freed when the module is dropped at exit.
class Noisy:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)

a = Noisy("fin_plain.a")
_b = Noisy("fin_plain._b")
