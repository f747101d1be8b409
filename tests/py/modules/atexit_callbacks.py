# atexit: callbacks run last-registered first after the main program, with
# their arguments; unregister removes every registration; errors are reported.
import atexit

def bye(name, punct="!"):
    print(f"bye {name}{punct}")

class Failing:
    def __call__(self):
        raise ValueError("callback failed")
    def __repr__(self):
        return "<Failing callback>"

fail = Failing()

def never():
    print("never printed")

base = atexit._ncallbacks()  # the host may register some at start-up
atexit.register(bye, "first")
atexit.register(fail)
atexit.register(never)
atexit.register(bye, "second", punct="?")
print("callbacks:", atexit._ncallbacks() - base)
atexit.register(never)
atexit.unregister(never)

@atexit.register
def decorated():
    print("decorated ran")

print(decorated.__name__)
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)
print("main done")
