import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Const:
    LIMIT = 10
def m(v):
    match v:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Const.LIMIT:
            return "limit"
        case _:
            return "other"
print([m(v) for v in [Color.RED, Color.GREEN, 10, 1, "RED"]])
