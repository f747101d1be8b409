def lookup(k):
    try:
        return {"a": 1}[k]
    except KeyError:
        raise LookupError(f"no key {k!r}") from None
lookup("b")
