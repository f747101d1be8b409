# Uncaught decimal errors (InvalidOperation, DivisionByZero, NaN to int)
# show only the caller's frame, as with CPython's C _decimal.
import sys, subprocess
cases = ["from decimal import Decimal\nDecimal('x')", "from decimal import Decimal\nDecimal(1) / 0", "from decimal import Decimal\nDecimal(1) // 0",
         "from decimal import Decimal\nDecimal('1.5').quantize(Decimal('1e-30'))" , "from decimal import Decimal\nint(Decimal('nan'))",
         "from decimal import Decimal\nDecimal(-1).sqrt()", "from decimal import Decimal\nDecimal(-1).ln()", "from decimal import Decimal\nDecimal(0) ** -1",
         "import decimal\ndecimal.getcontext().create_decimal('abc')", "from decimal import Decimal\nDecimal(7) % 0"]
for c in cases:
    r = subprocess.run([sys.executable, "-c", c], capture_output=True, text=True)
    print(r.returncode, "|".join(l for l in r.stderr.splitlines() if set(l.strip()) - set("^~ ")))
