# A text adventure: rooms, items, a parser, state machine and a scripted
# playthrough read from stdin.
import sys
import enum


class State(enum.Enum):
    PLAYING = enum.auto()
    WON = enum.auto()
    DEAD = enum.auto()
    QUIT = enum.auto()


class Room:
    def __init__(self, name, desc, exits=None, items=None, dark=False):
        self.name = name
        self.desc = desc
        self.exits = exits or {}
        self.items = list(items or [])
        self.dark = dark

    def __repr__(self):
        return f"Room({self.name!r})"


class Game:
    DIRECTIONS = {"n": "north", "s": "south", "e": "east", "w": "west", "u": "up", "d": "down"}

    def __init__(self):
        self.rooms = {
            "hall": Room("hall", "A dusty hall.", {"north": "library", "east": "kitchen"}, ["umbrella"]),
            "library": Room("library", "Shelves of rotting books.", {"south": "hall", "up": "attic"}, ["lamp", "book"]),
            "kitchen": Room("kitchen", "It smells of old soup.", {"west": "hall", "down": "cellar"}, ["knife", "bread"]),
            "cellar": Room("cellar", "Cold and damp.", {"up": "kitchen"}, ["key"], dark=True),
            "attic": Room("attic", "A locked chest sits here.", {"down": "library"}),
        }
        self.here = self.rooms["hall"]
        self.inventory = []
        self.state = State.PLAYING
        self.moves = 0
        self.score = 0
        self.handlers = {name[3:]: getattr(self, name) for name in dir(self) if name.startswith("do_")}

    def lit(self):
        return not self.here.dark or "lamp" in self.inventory

    def look(self):
        if not self.lit():
            return "It is pitch black. You might be eaten by a grue."
        items = f" You see: {', '.join(self.here.items)}." if self.here.items else ""
        exits = ", ".join(sorted(self.here.exits))
        return f"[{self.here.name.title()}] {self.here.desc}{items} Exits: {exits}."

    def do_look(self, *args):
        return self.look()

    def do_go(self, direction=None, *rest):
        if direction is None:
            return "Go where?"
        direction = self.DIRECTIONS.get(direction, direction)
        if direction not in self.here.exits:
            return f"You can't go {direction}."
        if not self.lit() and direction != "up":
            self.state = State.DEAD
            return "You stumble in the dark and fall. You have died."
        self.here = self.rooms[self.here.exits[direction]]
        return self.look()

    def do_take(self, *names):
        if not names:
            return "Take what?"
        if not self.lit():
            return "You fumble around but find nothing."
        out = []
        for name in names:
            if name == "all":
                out.extend(self.do_take(*self.here.items).splitlines() if self.here.items else ["Nothing here."])
                continue
            if name in self.here.items:
                self.here.items.remove(name)
                self.inventory.append(name)
                self.score += 5
                out.append(f"Taken: {name}.")
            else:
                out.append(f"No {name} here.")
        return "\n".join(out)

    def do_drop(self, name=None, *rest):
        try:
            self.inventory.remove(name)
        except ValueError:
            return f"You don't have {name!s}."
        self.here.items.append(name)
        return f"Dropped {name}."

    def do_inventory(self, *args):
        return "You carry: " + (", ".join(sorted(self.inventory)) or "nothing") + "."

    def do_open(self, what=None, *rest):
        if what != "chest" or self.here.name != "attic":
            return "You can't open that."
        if "key" not in self.inventory:
            return "The chest is locked."
        self.state = State.WON
        self.score += 50
        return "The chest opens: treasure! You win."

    def do_eat(self, what=None, *rest):
        if what == "bread" and "bread" in self.inventory:
            self.inventory.remove("bread")
            self.score += 1
            return "Delicious."
        return "You can't eat that."

    def do_quit(self, *args):
        self.state = State.QUIT
        return "Bye."

    do_i = do_inventory
    do_l = do_look

    def step(self, line):
        words = line.lower().replace(",", " ").split()
        words = [w for w in words if w not in ("the", "a", "an", "to")]
        if not words:
            return ""
        verb, *args = words
        if verb in self.DIRECTIONS or verb in self.DIRECTIONS.values():
            verb, args = "go", [verb]
        handler = self.handlers.get(verb)
        self.moves += 1
        if handler is None:
            return f"I don't know how to {verb!r}."
        return handler(*args)


game = Game()
print(game.look())
print(sorted(game.handlers))
for raw in sys.stdin:
    line = raw.rstrip("\n")
    print(f"> {line}")
    reply = game.step(line)
    if reply:
        print(reply)
    if game.state is not State.PLAYING:
        break
print(f"Game over: {game.state.name} after {game.moves} moves, score {game.score}.")
print(game.state, State.WON.value, State["DEAD"], State(4), len(State))
