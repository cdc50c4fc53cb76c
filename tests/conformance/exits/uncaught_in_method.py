# Tracebacks through methods, properties and a lambda.
class Account:
    def __init__(self, balance):
        self.balance = balance
    @property
    def ratio(self):
        return 100 / self.balance
    def report(self):
        fmt = lambda r: f"{r:.1f}%"
        return fmt(self.ratio)
print(Account(50).report())
print(Account(0).report())
