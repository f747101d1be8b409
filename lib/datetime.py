"""datetime for ftpy: the types come from the native _datetime module
(src/modules/datetime_*.cpp), as CPython's datetime.py takes them from its C
_datetime after `from _datetime import *`; the module's namespace is what
python3's is (datetime_CAPI aside, which only C extensions use).
"""

import sys

from _datetime import *
from _datetime import __doc__

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")
