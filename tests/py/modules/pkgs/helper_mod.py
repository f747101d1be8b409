"""A plain helper module."""
print("helper_mod executing, __name__ =", __name__)
VALUE = 42
_private = "hidden"
def greet(name):
    return f"hello {name}"
class Thing:
    pass
