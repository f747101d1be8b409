import traceback
def fail():
    raise ValueError("from fail")
try:
    fail()
except ValueError:
    text = traceback.format_exc()
lines = [l for l in text.splitlines() if l.strip() and set(l.strip()) - set("^~")]
print("\n".join(lines))
try:
    {}["missing"]
except KeyError as e:
    print(traceback.format_exception_only(type(e), e))
    print(len(traceback.extract_tb(e.__traceback__)), traceback.extract_tb(e.__traceback__)[0].name)
def where():
    return traceback.extract_stack()[-1].name, traceback.extract_stack()[-2].name
print(where())
