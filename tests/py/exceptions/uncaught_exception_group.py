def work():
    raise ExceptionGroup("several failures", [ValueError("bad value"), TypeError("bad type")])
work()
