print("mypkg/__init__ runs")
from .core import add
from . import util
PKG_CONST = "pkg"
