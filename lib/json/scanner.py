"""JSON token scanner (ftpy): see json.decoder."""
from json.decoder import make_scanner, py_make_scanner, c_make_scanner

__all__ = ['make_scanner']
