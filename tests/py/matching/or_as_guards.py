def m(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["pick", "up", item] | ["take", item]:
            return f"taking {item}"
        case ["drop", *items] if items:
            return f"dropping {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_] as whole:
            return f"unknown verb {verb} in {whole}"
        case _:
            return "empty command"
for c in ["go north", "go up", "pick up lamp", "take key", "drop a b", "drop", "quit", "exit", "dance now", ""]:
    print(repr(c), "->", m(c))
