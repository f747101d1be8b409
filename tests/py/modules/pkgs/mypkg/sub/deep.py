from ..util import double
from .. import PKG_CONST
def deep_value():
    return double(21), PKG_CONST, __name__, __package__
