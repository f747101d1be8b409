"""Bank simulation with custom exceptions, tracebacks printed via traceback."""
import traceback
import sys
from decimal import Decimal, ROUND_HALF_EVEN, InvalidOperation


class BankError(Exception):
    """Base."""


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.account = account
        self.amount = amount


class AccountFrozen(BankError):
    pass


class Account:
    _next = 1000

    def __init__(self, owner, balance="0"):
        self.owner = owner
        self.balance = Decimal(balance).quantize(Decimal("0.01"))
        self.frozen = False
        self.number = Account._next
        Account._next += 1
        self.history = []

    def __repr__(self):
        return f"Account(#{self.number}, {self.owner!r}, {self.balance})"

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")

    def deposit(self, amount):
        self._check()
        amount = Decimal(amount)
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        self._check()
        amount = Decimal(amount)
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))

    def apply_interest(self, rate):
        interest = (self.balance * Decimal(rate)).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
        self.balance += interest
        return interest


class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, owner, balance="0"):
        a = Account(owner, balance)
        self.accounts[a.number] = a
        return a

    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except KeyError:
            raise BankError(f"no account {src}")
        try:
            self.accounts[dst].deposit(amount)
        except Exception as e:
            self.accounts[src].deposit(amount)
            raise BankError(f"transfer {src}->{dst} failed, refunded") from e


bank = Bank()
alice = bank.open("alice", "100.50")
bob = bank.open("bob", "20")
carol = bank.open("carol")

ops = [
    lambda: bank.transfer(1000, 1001, "30.25"),
    lambda: bank.transfer(1001, 1002, "100"),
    lambda: bank.transfer(1005, 1001, "1"),
    lambda: setattr(carol, "frozen", True),
    lambda: bank.transfer(1000, 1002, "5"),
    lambda: alice.deposit("-3"),
    lambda: alice.deposit("abc"),
    lambda: print("interest", bob.apply_interest("0.035")),
]
for i, op in enumerate(ops):
    try:
        op()
        print(i, "ok")
    except BankError as e:
        print(i, type(e).__name__, e)
        traceback.print_exc(file=sys.stdout)
    except (ValueError, InvalidOperation) as e:
        print(i, "bad value:", type(e).__name__)
        print("".join(traceback.format_exception_only(type(e), e)), end="")

for a in bank.accounts.values():
    print(a, a.history)

try:
    bank.transfer(1001, 1002, "1")
except BankError as e:
    print("cause:", repr(e.__cause__), "context:", repr(e.__context__))
    print("suppress:", e.__suppress_context__)
    tb = traceback.extract_tb(e.__traceback__)
    for fs in tb:
        print("  frame", fs.name, fs.line)
    print(traceback.format_exc().splitlines()[-1])

def deep(n):
    if n == 0:
        raise InsufficientFunds(alice, Decimal("1e6"))
    return deep(n - 1)

try:
    deep(3)
except Exception:
    s = traceback.format_exc(limit=2)
    print(s.count("\n"), s.splitlines()[0], s.splitlines()[-1])
    traceback.print_exc(limit=-1, file=sys.stdout)

# uncaught chained exception -> stderr and exit status 1
carol.frozen = False
bob.frozen = True
bank.transfer(1002, 1001, "0")
