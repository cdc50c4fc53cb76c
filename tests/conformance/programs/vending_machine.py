# A vending machine state machine with coins, selections, change-making and refunds.
from enum import Enum, auto
class State(Enum):
    IDLE = auto()
    HAS_MONEY = auto()
    SOLD_OUT = auto()
class Machine:
    COINS = (200, 100, 50, 20, 10, 5)
    def __init__(self, stock):
        self.stock = dict(stock)
        self.credit = 0
        self.bank = {c: 5 for c in self.COINS}
        self.state = State.IDLE
        self.log = []
    def insert(self, coin):
        if coin not in self.COINS:
            self.log.append(f"rejected coin {coin}")
            return
        self.credit += coin
        self.bank[coin] += 1
        self.state = State.HAS_MONEY
        self.log.append(f"credit {self.credit}")
    def change(self, amount):
        out = []
        for c in self.COINS:
            while amount >= c and self.bank[c]:
                amount -= c
                self.bank[c] -= 1
                out.append(c)
        if amount:
            raise RuntimeError(f"cannot make change, {amount} short")
        return out
    def select(self, item):
        if item not in self.stock:
            self.log.append(f"unknown item {item}")
            return None
        price, count = self.stock[item]
        if count == 0:
            self.log.append(f"{item} sold out")
            return None
        if self.credit < price:
            self.log.append(f"{item} costs {price}, credit {self.credit}")
            return None
        coins = self.change(self.credit - price)
        self.stock[item] = (price, count - 1)
        self.credit = 0
        self.state = State.SOLD_OUT if all(c == 0 for _, c in self.stock.values()) else State.IDLE
        self.log.append(f"vend {item}, change {coins}")
        return item, coins
    def refund(self):
        coins = self.change(self.credit)
        self.credit = 0
        self.state = State.IDLE
        self.log.append(f"refund {coins}")
        return coins
m = Machine({"cola": (120, 2), "chips": (85, 1), "gum": (35, 0)})
script = [("insert", 100), ("select", "cola"), ("insert", 50), ("select", "cola"), ("insert", 3), ("insert", 200),
          ("select", "chips"), ("insert", 20), ("insert", 20), ("select", "gum"), ("refund",), ("insert", 200),
          ("select", "tea"), ("select", "cola"), ("insert", 100), ("insert", 20), ("select", "cola"), ("select", "chips")]
for step in script:
    result = getattr(m, step[0])(*step[1:])
    print(f"{step!s:<22} -> {result!s:<28} state={m.state.name}")
print("\n".join(m.log))
print(m.stock, sum(c * n for c, n in m.bank.items()))
