# Bank simulation: custom exception hierarchy, chaining, context managers, traceback-free reporting.
import contextlib
from decimal import Decimal


class BankError(Exception):
    """Base of all bank errors."""


class InsufficientFunds(BankError):
    def __init__(self, account, needed):
        self.account = account
        self.needed = needed
        super().__init__(f"account {account.number} short by {needed}")


class AccountFrozen(BankError):
    pass


class TransferFailed(BankError):
    pass


class Account:
    _next = 1000

    def __init__(self, owner, balance=0):
        Account._next += 1
        self.number = Account._next
        self.owner = owner
        self._balance = balance
        self.frozen = False
        self.history = []

    @property
    def balance(self):
        return self._balance

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")

    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self._balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        self._check()
        if amount > self._balance:
            raise InsufficientFunds(self, amount - self._balance)
        self._balance -= amount
        self.history.append(("wd", amount))

    def __repr__(self):
        return f"Account({self.owner!r}, #{self.number}, {self._balance})"


class Transaction:
    """Context manager: snapshot balances and roll back on any exception."""

    def __init__(self, *accounts, log):
        self.accounts = accounts
        self.log = log

    def __enter__(self):
        self.saved = [(a, a._balance, len(a.history)) for a in self.accounts]
        self.log.append("begin")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.log.append("commit")
            return False
        for acct, bal, n in self.saved:
            acct._balance = bal
            del acct.history[n:]
        self.log.append(f"rollback ({exc_type.__name__})")
        if issubclass(exc_type, ValueError):
            return True  # swallowed
        return False


class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []

    def open(self, owner, balance=0):
        a = Account(owner, balance)
        self.accounts[a.number] = a
        return a

    def transfer(self, src, dst, amount):
        try:
            with Transaction(src, dst, log=self.log):
                src.withdraw(amount)
                dst.deposit(amount)
        except BankError as e:
            raise TransferFailed(f"{src.number}->{dst.number} {amount}") from e


bank = Bank()
alice = bank.open("alice", 500)
bob = bank.open("bob", 100)
carol = bank.open("carol")

bank.transfer(alice, bob, 200)
print(alice, bob)

try:
    bank.transfer(bob, carol, 1000)
except TransferFailed as e:
    cause = e.__cause__
    print("failed:", e, "| cause:", type(cause).__name__, cause, "| needed", cause.needed)
    print("suppress_context:", e.__suppress_context__, "context is cause:", e.__context__ is cause)
print(bob, carol)

carol.frozen = True
try:
    bank.transfer(alice, carol, 50)
except BankError as e:
    print(type(e).__name__, "<-", type(e.__cause__).__name__, e.__cause__)
print(alice, carol, alice.history)
carol.frozen = False

# ValueError inside transaction is rolled back and swallowed
bank.transfer(alice, carol, -5)
print("after bad amount:", alice, carol)
print(bank.log)

# implicit chaining (__context__ without __cause__)
def audit(acct):
    try:
        acct.withdraw(10**6)
    except InsufficientFunds:
        raise RuntimeError("audit failed")

try:
    audit(alice)
except RuntimeError as e:
    print(repr(e), type(e.__context__).__name__, e.__cause__, e.__suppress_context__)

# raise ... from None
def lookup(number):
    try:
        return bank.accounts[number]
    except KeyError:
        raise BankError(f"no account {number}") from None

try:
    lookup(1)
except BankError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

# contextlib helpers
@contextlib.contextmanager
def frozen(acct):
    acct.frozen = True
    try:
        yield acct
    finally:
        acct.frozen = False

with contextlib.suppress(AccountFrozen):
    with frozen(bob) as b:
        print("frozen?", b.frozen)
        b.deposit(1)
        print("not reached")
print("frozen after:", bob.frozen, bob)

with contextlib.ExitStack() as stack:
    accts = [stack.enter_context(frozen(a)) for a in (alice, bob)]
    stack.callback(lambda: print("callback ran"))
    print([a.frozen for a in accts])
print([a.frozen for a in (alice, bob)])

# ExceptionGroup-free multi-error collection
errors = []
for amt in (50, 10**5, -1, 30):
    try:
        bob.withdraw(amt) if amt > 0 else bob.deposit(amt)
    except (BankError, ValueError) as e:
        errors.append(f"{type(e).__name__}: {e}")
print(errors, bob.balance)

# exception args, str, repr and isinstance hierarchy
e = InsufficientFunds(alice, 7)
print(e.args, isinstance(e, BankError), isinstance(e, Exception), InsufficientFunds.__mro__[1:3])
print(BankError.__doc__, issubclass(TransferFailed, BankError))

# try/else/finally ordering
def steps(fail):
    out = []
    try:
        out.append("try")
        if fail:
            raise ValueError("x")
    except ValueError:
        out.append("except")
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out
print(steps(False), steps(True))

# interest with Decimal, quantised
rate = Decimal("0.0375")
bal = Decimal(alice.balance)
for year in range(1, 4):
    bal = (bal * (1 + rate)).quantize(Decimal("0.01"))
    print(year, bal)
total = sum(a.balance for a in bank.accounts.values())
print("total", total, sorted((a.owner, a.balance) for a in bank.accounts.values()))
