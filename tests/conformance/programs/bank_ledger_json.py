# A double-entry ledger: post transactions, check balances, export/import JSON, and a trial balance.
import json
class Ledger:
    def __init__(self):
        self.accounts = {}
        self.entries = []
    def open(self, name, kind):
        self.accounts[name] = {"kind": kind, "balance": 0}
    def post(self, date, memo, lines):
        if sum(amount for _, amount in lines) != 0:
            raise ValueError(f"unbalanced entry {memo!r}: {sum(a for _, a in lines)}")
        for acct, amount in lines:
            if acct not in self.accounts:
                raise KeyError(f"unknown account {acct}")
        for acct, amount in lines:
            self.accounts[acct]["balance"] += amount
        self.entries.append({"date": date, "memo": memo, "lines": lines})
    def dump(self):
        return json.dumps({"accounts": self.accounts, "entries": self.entries}, indent=2, sort_keys=True)
    @classmethod
    def load(cls, text):
        data = json.loads(text)
        led = cls()
        led.accounts = data["accounts"]
        led.entries = [dict(e, lines=[tuple(l) for l in e["lines"]]) for e in data["entries"]]
        return led
led = Ledger()
for name, kind in [("cash", "asset"), ("bank", "asset"), ("revenue", "income"), ("rent", "expense"), ("equity", "equity")]:
    led.open(name, kind)
led.post("2024-01-01", "owner investment", [("bank", 100000), ("equity", -100000)])
led.post("2024-01-03", "sale", [("cash", 25000), ("revenue", -25000)])
led.post("2024-01-05", "rent", [("rent", 40000), ("bank", -40000)])
for bad in [("2024-01-06", "typo", [("cash", 100), ("revenue", -10)]), ("2024-01-07", "ghost", [("vault", 5), ("cash", -5)])]:
    try:
        led.post(*bad)
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
text = led.dump()
print(text[:160])
copy = Ledger.load(text)
print(copy.accounts == led.accounts, copy.entries == led.entries, len(text))
print(f"{'account':<10}{'debit':>10}{'credit':>10}")
for name, acct in sorted(copy.accounts.items()):
    bal = acct["balance"]
    print(f"{name:<10}{bal / 100 if bal > 0 else 0:>10.2f}{-bal / 100 if bal < 0 else 0:>10.2f}")
print("balanced:", sum(a["balance"] for a in copy.accounts.values()) == 0)
