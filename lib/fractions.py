"""Rational numbers, written for ftpy from the documented behaviour of
CPython's fractions module.

A Fraction is immutable: numerator and denominator are ints in lowest
terms with a positive denominator, so instances may be shared between
threads freely.
"""

import math
import numbers
import operator
import sys

__all__ = ['Fraction']

_HASH_MODULUS = sys.hash_info.modulus
_HASH_INF = sys.hash_info.inf


def _parse(text):
    # (numerator, denominator) of a str like ' -3/4 ', '1.5e-3', '.5',
    # '1_000'; None when the text is not a valid literal.
    s = text.strip()
    if not s:
        return None
    sign = 1
    if s[0] in '+-':
        if s[0] == '-':
            sign = -1
        s = s[1:]

    def digits(part):
        # Decimal digits with single underscores between them.
        if not part or part[0] == '_' or part[-1] == '_' or '__' in part:
            return None
        plain = part.replace('_', '')
        if not (plain.isascii() and plain.isdigit()):
            return None
        return plain

    if '/' in s:
        num_text, _, den_text = s.partition('/')
        num = digits(num_text)
        den = digits(den_text)
        if num is None or den is None:
            return None
        return sign * int(num), int(den)
    mantissa, exp = s, 0
    for marker in 'eE':
        if marker in s:
            mantissa, _, exp_text = s.partition(marker)
            exp_sign = 1
            if exp_text[:1] in ('+', '-'):
                if exp_text[0] == '-':
                    exp_sign = -1
                exp_text = exp_text[1:]
            exp_digits = digits(exp_text)
            if exp_digits is None:
                return None
            exp = exp_sign * int(exp_digits)
            break
    int_part, dot, frac_part = mantissa.partition('.')
    if not int_part and not frac_part:
        return None
    int_digits = digits(int_part) if int_part else ''
    frac_digits = digits(frac_part) if frac_part else ''
    if int_digits is None or frac_digits is None:
        return None
    num = int((int_digits or '0') + frac_digits)
    den = 10 ** len(frac_digits)
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


class Fraction(numbers.Rational):
    """A rational number: Fraction(3, 4), Fraction('3/4'), Fraction(0.75),
    Fraction(Decimal('0.75')) and Fraction(Fraction(3, 4)) are all 3/4."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, numbers.Rational):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            if isinstance(numerator, float) or type(numerator).__name__ == 'Decimal':
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError('argument should be a string or a Rational '
                                'instance')
        elif type(numerator) is int is type(denominator):
            pass
        elif (isinstance(numerator, numbers.Rational) and
              isinstance(denominator, numbers.Rational)):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """The exact value of a float (or int) as a Fraction."""
        if isinstance(f, numbers.Integral):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls._from_pair(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of a Decimal (or int) as a Fraction."""
        if isinstance(dec, numbers.Integral):
            return cls(int(dec))
        if type(dec).__name__ != 'Decimal':
            raise TypeError('%s.from_decimal() only takes Decimals, not %r (%s)'
                            % (cls.__name__, dec, type(dec).__name__))
        return cls._from_pair(*dec.as_integer_ratio())

    @classmethod
    def _from_pair(cls, numerator, denominator):
        # An already-normalized pair.
        self = object.__new__(cls)
        self._numerator = numerator
        self._denominator = denominator
        return self

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction whose denominator is at most
        max_denominator (found through the continued fraction)."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Convergents p/q of the continued fraction, kept as two pairs.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        # The best semiconvergent below the limit against the last
        # convergent: whichever is closer (the convergent on a tie).
        k = (max_denominator - q0) // q1
        semi = Fraction(p0 + k * p1, q0 + k * q1)
        conv = Fraction(p1, q1)
        if abs(conv - self) <= abs(semi - self):
            return conv
        return semi

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # -- arithmetic: Fraction and int give Fraction; float gives float;
    #    complex gives complex.

    def _operator_fallbacks(exact, fallback, name):
        def forward(a, b):
            if isinstance(b, Fraction):
                return exact(a, b)
            if isinstance(b, int):
                return exact(a, Fraction._from_pair(b, 1))
            if isinstance(b, float):
                return fallback(float(a), b)
            if isinstance(b, complex):
                return fallback(complex(a), b)
            return NotImplemented

        def reverse(b, a):
            if isinstance(a, numbers.Rational):
                return exact(Fraction(a), b)
            if isinstance(a, numbers.Real):
                return fallback(float(a), float(b))
            if isinstance(a, numbers.Complex):
                return fallback(complex(a), complex(b))
            return NotImplemented

        forward.__name__ = '__' + name + '__'
        reverse.__name__ = '__r' + name + '__'
        return forward, reverse

    # The four operations work on operands in lowest terms, so gcds of the
    # (small) denominators and numerators keep the products small, and the
    # result needs no gcd of the full products (Knuth, TAOCP 4.5.1).  The
    # numerator a division by zero reports is the reduced one, as CPython's.

    def _add(a, b):
        return Fraction._add_sub(a, b._numerator, b._denominator)

    def _sub(a, b):
        return Fraction._add_sub(a, -b._numerator, b._denominator)

    def _add_sub(a, nb, db):
        na, da = a._numerator, a._denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction(na * db + da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    def _mul(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction(na * nb, db * da, _normalize=False)

    def _div(a, b):
        # a * (1/b): the numerators share a factor, and so do the denominators.
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction(n, d, _normalize=False)

    def _floordiv(a, b):
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    def _divmod(a, b):
        da, db = a._denominator, b._denominator
        div, n_mod = divmod(a._numerator * db, da * b._numerator)
        return div, Fraction(n_mod, da * db)

    def _mod(a, b):
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    __add__, __radd__ = _operator_fallbacks(_add, operator.add, 'add')
    __sub__, __rsub__ = _operator_fallbacks(_sub, operator.sub, 'sub')
    __mul__, __rmul__ = _operator_fallbacks(_mul, operator.mul, 'mul')
    __truediv__, __rtruediv__ = _operator_fallbacks(_div, operator.truediv, 'truediv')
    __floordiv__, __rfloordiv__ = _operator_fallbacks(_floordiv, operator.floordiv, 'floordiv')
    __divmod__, __rdivmod__ = _operator_fallbacks(_divmod, divmod, 'divmod')
    __mod__, __rmod__ = _operator_fallbacks(_mod, operator.mod, 'mod')

    def __pow__(a, b):
        if isinstance(b, numbers.Rational):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction._from_pair(a._numerator ** power,
                                               a._denominator ** power)
                if a._numerator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' % (a._denominator ** -power))
                if a._numerator > 0:
                    return Fraction._from_pair(a._denominator ** -power,
                                               a._numerator ** -power)
                return Fraction._from_pair((-a._denominator) ** -power,
                                           (-a._numerator) ** -power)
            return float(a) ** float(b)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction._from_pair(a._numerator, a._denominator)

    def __neg__(a):
        return Fraction._from_pair(-a._numerator, a._denominator)

    def __abs__(a):
        return Fraction._from_pair(abs(a._numerator), a._denominator)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        return a.__int__()

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(x) is the nearest int (ties to even); round(x, n) is a
        Fraction rounded to n decimal places."""
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(a):
        return a._numerator / a._denominator

    def __hash__(self):
        # Equal numbers hash equal across int, float and Fraction: the hash
        # is numerator / denominator modulo the hash modulus.
        dinv = pow(self._denominator, _HASH_MODULUS - 2, _HASH_MODULUS)
        if not dinv:
            h = _HASH_INF
        else:
            h = abs(self._numerator) % _HASH_MODULUS * dinv % _HASH_MODULUS
        h = h if self._numerator >= 0 else -h
        return -2 if h == -1 else h

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, numbers.Rational):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
