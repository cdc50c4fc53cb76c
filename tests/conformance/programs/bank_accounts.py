# A small banking system: accounts, transfers, overdraft rules, interest and a statement.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"account {account.number} cannot cover {amount:.2f}")
        self.account = account
        self.amount = amount
class Account:
    _next_number = 1000
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.number = Account._next_number
        Account._next_number += 1
        self._balance = round(balance, 2)
        self.history = [("open", balance)]
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance = round(self._balance + amount, 2)
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.available():
            raise InsufficientFunds(self, amount)
        self._balance = round(self._balance - amount, 2)
        self.history.append(("withdraw", amount))
    def available(self):
        return self._balance
    def month_end(self):
        pass
    def __repr__(self):
        return f"{type(self).__name__}(#{self.number}, {self.owner}, {self._balance:.2f})"
class Savings(Account):
    rate = 0.015
    def month_end(self):
        interest = round(self._balance * self.rate / 12, 2)
        if interest:
            self._balance = round(self._balance + interest, 2)
            self.history.append(("interest", interest))
class Checking(Account):
    def __init__(self, owner, balance=0.0, overdraft=100.0):
        super().__init__(owner, balance)
        self.overdraft = overdraft
    def available(self):
        return self._balance + self.overdraft
    def month_end(self):
        if self._balance < 0:
            self._balance = round(self._balance - 5, 2)
            self.history.append(("fee", 5))
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, kind, owner, balance=0.0, **kw):
        acct = kind(owner, balance, **kw)
        self.accounts[acct.number] = acct
        return acct
    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        a.withdraw(amount)
        b.deposit(amount)
    def month_end(self):
        for acct in self.accounts.values():
            acct.month_end()
    def total(self):
        return round(sum(a.balance for a in self.accounts.values()), 2)
bank = Bank()
alice = bank.open(Savings, "alice", 5000)
bob = bank.open(Checking, "bob", 120, overdraft=250)
carol = bank.open(Checking, "carol")
print(list(bank.accounts.values()))
ops = [(alice.number, bob.number, 300), (bob.number, carol.number, 600), (carol.number, alice.number, 50),
       (bob.number, alice.number, 200), (carol.number, bob.number, 1000)]
for src, dst, amt in ops:
    try:
        bank.transfer(src, dst, amt)
        print(f"moved {amt} from {src} to {dst}")
    except InsufficientFunds as e:
        print("declined:", e)
for month in range(1, 4):
    bank.month_end()
    print("month", month, [f"{a.owner}={a.balance:.2f}" for a in bank.accounts.values()], bank.total())
try:
    carol.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
for acct in bank.accounts.values():
    print(acct)
    for kind, amount in acct.history:
        print(f"  {kind:<9}{amount:>10.2f}")
