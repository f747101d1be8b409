"""Text adventure: rooms, items, a command parser and a state machine."""
from dataclasses import dataclass, field
from enum import Enum, auto
import textwrap


class State(Enum):
    EXPLORING = auto()
    FIGHTING = auto()
    DEAD = auto()
    WON = auto()


@dataclass
class Item:
    name: str
    weight: int = 1
    damage: int = 0

    def __str__(self):
        return f"{self.name} ({self.weight}kg)"


@dataclass
class Room:
    name: str
    description: str
    exits: dict = field(default_factory=dict)
    items: list = field(default_factory=list)
    monster: tuple = None


class GameError(Exception):
    pass


class Game:
    MAX_WEIGHT = 5

    def __init__(self):
        self.rooms = {}
        self.state = State.EXPLORING
        self.inventory = []
        self.hp = 10
        self.log = []
        self.build()
        self.here = self.rooms["hall"]

    def build(self):
        r = self.rooms
        r["hall"] = Room("hall", "A long draughty hall with portraits staring down at you from every wall, "
                                 "their eyes following you wherever you go.",
                         {"north": "library", "east": "kitchen"}, [Item("candle")])
        r["library"] = Room("library", "Dusty shelves.", {"south": "hall"},
                            [Item("book", 2), Item("sword", 3, 4)])
        r["kitchen"] = Room("kitchen", "Smells of old stew.", {"west": "hall", "down": "cellar"},
                            [Item("knife", 1, 2), Item("anvil", 9)])
        r["cellar"] = Room("cellar", "Dark and damp.", {"up": "kitchen"}, [Item("treasure", 2)],
                           ("troll", 7))

    def say(self, msg):
        for line in textwrap.wrap(msg, 40):
            print("  | " + line)

    def do(self, line):
        words = line.lower().split()
        if not words:
            raise GameError("say something")
        verb, *rest = words
        handler = getattr(self, "cmd_" + verb, None)
        if handler is None:
            raise GameError(f"I don't know how to {verb!r}")
        return handler(*rest)

    def cmd_look(self):
        self.say(self.here.description)
        if self.here.items:
            print("  items:", ", ".join(map(str, self.here.items)))
        print("  exits:", " ".join(sorted(self.here.exits)))

    def cmd_go(self, direction=None):
        if direction is None:
            raise GameError("go where?")
        if self.state is State.FIGHTING:
            raise GameError("you can't run!")
        try:
            self.here = self.rooms[self.here.exits[direction]]
        except KeyError as e:
            raise GameError(f"no exit {e}") from None
        print(f"  you enter the {self.here.name}")
        if self.here.monster:
            self.state = State.FIGHTING
            print(f"  a {self.here.monster[0]} attacks!")

    def cmd_take(self, name):
        for it in self.here.items:
            if it.name == name:
                total = sum(i.weight for i in self.inventory) + it.weight
                if total > self.MAX_WEIGHT:
                    raise GameError(f"{name} is too heavy ({total} > {self.MAX_WEIGHT})")
                self.here.items.remove(it)
                self.inventory.append(it)
                print(f"  taken: {it}")
                if it.name == "treasure":
                    self.state = State.WON
                return
        raise GameError(f"no {name} here")

    def cmd_drop(self, name):
        idx = next((i for i, it in enumerate(self.inventory) if it.name == name), None)
        if idx is None:
            raise GameError(f"you have no {name}")
        self.here.items.append(self.inventory.pop(idx))
        print(f"  dropped {name}")

    def cmd_inv(self):
        if not self.inventory:
            print("  empty-handed")
        for it in sorted(self.inventory, key=lambda i: (-i.damage, i.name)):
            print(f"  - {it.name:<10}{it.weight:>3}kg dmg={it.damage}")

    def cmd_attack(self):
        if self.state is not State.FIGHTING:
            raise GameError("nothing to attack")
        name, hp = self.here.monster
        dmg = max((i.damage for i in self.inventory), default=1)
        hp -= dmg
        print(f"  you hit the {name} for {dmg}; it has {max(hp, 0)} left")
        if hp <= 0:
            print(f"  the {name} dies")
            self.here.monster = None
            self.state = State.EXPLORING
        else:
            self.here.monster = (name, hp)
            self.hp -= 3
            print(f"  the {name} hits back; you have {self.hp} hp")
            if self.hp <= 0:
                self.state = State.DEAD


script = """look
go north
take book
take sword
inv
take candle
go south
take candle
dance
go east
take anvil
go down
go up
attack
attack
attack

take treasure
""".split("\n")

g = Game()
for cmd in script:
    print(f"> {cmd}")
    try:
        g.do(cmd)
    except GameError as e:
        print(f"  ! {e}")
    except TypeError as e:
        print(f"  ! TypeError: {e}")
    print(f"  [{g.state.name} hp={g.hp} room={g.here.name}]")
    if g.state in (State.DEAD, State.WON):
        break
print(g.state, repr(g.state), State.WON.value, list(State))
print(g.inventory)
