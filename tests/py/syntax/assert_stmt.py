assert True
assert 1 == 1, "never"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError args:", e.args)
try:
    assert False, "custom message"
except AssertionError as e:
    print("message:", e)
try:
    assert [], ["a", "list", "msg"]
except AssertionError as e:
    print(e.args[0])
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print(e)
calls = []
def msg():
    calls.append(1)
    return "m"
assert True, msg()
print("message evaluated:", len(calls))
