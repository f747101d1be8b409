from decimal import Decimal, ROUND_HALF_UP, getcontext, localcontext
import functools
import itertools
import datetime


class TransactionError(Exception):
    pass


class InsufficientFunds(TransactionError):
    pass


@functools.total_ordering
class Money:
    __slots__ = ("amount", "currency")

    def __init__(self, amount, currency="EUR"):
        object.__setattr__(self, "amount", Decimal(amount).quantize(Decimal("0.01"), ROUND_HALF_UP))
        object.__setattr__(self, "currency", currency)

    def __setattr__(self, name, value):
        raise AttributeError("Money is immutable")

    def _check(self, other):
        if not isinstance(other, Money):
            return False
        if other.currency != self.currency:
            raise TransactionError(f"currency mismatch: {self.currency} vs {other.currency}")
        return True

    def __add__(self, other):
        if other == 0:
            return self
        if not self._check(other):
            return NotImplemented
        return Money(self.amount + other.amount, self.currency)

    __radd__ = __add__

    def __sub__(self, other):
        if not self._check(other):
            return NotImplemented
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, k):
        if isinstance(k, (int, Decimal)):
            return Money(self.amount * k, self.currency)
        if isinstance(k, float):
            return Money(self.amount * Decimal(str(k)), self.currency)
        return NotImplemented

    __rmul__ = __mul__

    def __neg__(self):
        return Money(-self.amount, self.currency)

    def __eq__(self, other):
        if isinstance(other, int) and other == 0:
            return self.amount == 0
        if not isinstance(other, Money):
            return NotImplemented
        return (self.amount, self.currency) == (other.amount, other.currency)

    def __lt__(self, other):
        if not self._check(other):
            return NotImplemented
        return self.amount < other.amount

    def __hash__(self):
        return hash((self.amount, self.currency))

    def __bool__(self):
        return bool(self.amount)

    def __repr__(self):
        return f"Money('{self.amount}', '{self.currency}')"

    def __str__(self):
        sign = "-" if self.amount < 0 else ""
        return f"{sign}{abs(self.amount):,.2f} {self.currency}"

    def __format__(self, spec):
        return format(str(self), spec)


class Account:
    _ids = itertools.count(1)

    def __init__(self, owner, opening="0", overdraft="0"):
        self.id = next(self._ids)
        self.owner = owner
        self.balance = Money(opening)
        self.overdraft = Money(overdraft)
        self.history = []

    def __repr__(self):
        return f"Account(id={self.id}, owner={self.owner!r}, balance={self.balance!r})"

    def __eq__(self, other):
        return isinstance(other, Account) and self.id == other.id

    def __hash__(self):
        return hash(self.id)

    def __lt__(self, other):
        return (self.balance, self.owner) < (other.balance, other.owner)

    def deposit(self, amount, when):
        if amount <= Money(0):
            raise TransactionError(f"invalid deposit {amount}")
        self.balance += amount
        self.history.append((when, "deposit", amount))

    def withdraw(self, amount, when):
        if self.balance - amount < -self.overdraft:
            raise InsufficientFunds(f"{self.owner}: {amount} exceeds available {self.balance + self.overdraft}")
        self.balance -= amount
        self.history.append((when, "withdraw", -amount))


class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, *a, **k):
        acc = Account(*a, **k)
        self.accounts[acc.id] = acc
        return acc

    def transfer(self, src, dst, amount, when):
        a, b = self.accounts[src], self.accounts[dst]
        a.withdraw(amount, when)
        try:
            b.deposit(amount, when)
        except TransactionError:
            a.deposit(amount, when)   # roll back
            raise

    def apply_interest(self, rate, when):
        for acc in self.accounts.values():
            if acc.balance > Money(0):
                acc.deposit(acc.balance * rate, when)


bank = Bank()
alice = bank.open("alice", "1000.00")
bob = bank.open("bob", "50", overdraft="100")
carol = bank.open("carol", "250.555")
dave = bank.open("dave")
day = datetime.date(2024, 1, 1)
ops = [
    ("transfer", 1, 2, "200"), ("transfer", 2, 3, "300"), ("transfer", 2, 3, "100"),
    ("transfer", 4, 1, "1"), ("transfer", 3, 4, "0"), ("transfer", 1, 4, "99.999"),
]
for i, (kind, s, d, amt) in enumerate(ops):
    when = day + datetime.timedelta(days=i)
    try:
        bank.transfer(s, d, Money(amt), when)
        print(f"{when:%d %b}: moved {Money(amt)} from {s} to {d}")
    except InsufficientFunds as e:
        print(f"{when:%d %b}: refused: {e}")
    except TransactionError as e:
        print(f"{when:%d %b}: error: {e}")

bank.apply_interest(0.015, day + datetime.timedelta(days=30))
for acc in sorted(bank.accounts.values()):
    print(f"{acc.id:>3} {acc.owner:<8} {acc.balance:>14}")
print(sorted(bank.accounts.values(), key=lambda a: a.owner, reverse=True)[0])
print(max(bank.accounts.values()).owner, min(bank.accounts.values(), key=lambda a: len(a.history)).owner)
print(sum(a.balance for a in bank.accounts.values()))
print({alice, bob, alice} == {bob, alice}, alice == bank.accounts[1], alice != bob)
print(Money("1.005"), Money("2.675"), Money(-3) * 2, 3 * Money("0.1"), Money(1) == Money("1.00"), hash(Money(1)) == hash(Money("1.0")))
print(sorted([Money(3), Money(-1), Money("0.5")]), Money(0) or "zero", bool(Money("0.01")))
try:
    Money(1) + Money(1, "USD")
except TransactionError as e:
    print(e)
try:
    Money(1).amount = 5
except AttributeError as e:
    print(e)
try:
    Money(1) < 5
except TypeError as e:
    print(e)
for when, kind, amt in alice.history:
    print(f"  {when.isoformat()} {kind:<9}{amt:>14}")
by_kind = itertools.groupby(sorted(bob.history, key=lambda h: h[1]), key=lambda h: h[1])
print({k: str(sum(h[2] for h in g)) for k, g in by_kind})
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / 3, getcontext().prec)
print(Decimal(1) / 3, getcontext().prec)
bank.transfer(2, 1, Money("10000"), day)
