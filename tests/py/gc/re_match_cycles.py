# re.Match, re.Pattern and the scanner are tracked by the cycle collector:
# a cycle through a str/bytes subclass subject (or pattern string) that
# holds them is collected, and a weak reference into the cycle dies.
import gc
import re
import weakref


class Subject(str):
    pass


class BSubject(bytes):
    pass


class Box:
    pass


def probe(label, make):
    gc.collect()
    box = make()
    ref = weakref.ref(box)
    del box
    print(label, "alive before collect:", ref() is not None)
    n = gc.collect()
    print(label, "collected something:", n > 0, "alive after:", ref() is not None)


def match_cycle():
    s = Subject("hello world")
    box = Box()
    m = re.search(r"(w)orld", s)
    box.m = m
    s.box = box          # s -> box -> m -> s
    print("  string is subject:", m.string is s, "group:", m.group(1))
    return box


def bytes_match_cycle():
    s = BSubject(b"abc123")
    box = Box()
    box.m = re.match(rb"[a-z]+(\d+)", s)
    s.box = box
    return box


def pattern_cycle():
    pat = Subject(r"cycle-(\d+)")
    box = Box()
    box.p = re.compile(pat)
    re.purge()           # re's cache would keep the pattern alive
    pat.box = box
    print("  pattern is subject:", box.p.pattern is pat)
    return box


def scanner_cycle():
    # Through the scanner's pattern (CPython 3.11's scanner does not
    # traverse its subject, so a cycle through that is not tested here).
    pat = Subject(r"\d")
    box = Box()
    box.sc = re.compile(pat).scanner("a1b2c3")
    re.purge()
    pat.box = box
    print("  first:", box.sc.search().group())
    return box


def self_match():
    # The match held directly in the subject's own __dict__.
    s = Subject("zzz")
    s.m = re.match("z+", s)
    box = Box()
    box.s = s
    s.box = box
    return box


for label, make in [("match", match_cycle), ("bytes match", bytes_match_cycle),
                    ("pattern", pattern_cycle), ("scanner", scanner_cycle),
                    ("self", self_match)]:
    probe(label, make)

m = re.match("a", "a")
print("tracked:", gc.is_tracked(m), gc.is_tracked(re.compile("b")),
      gc.is_tracked(re.compile("c").scanner("c")))
s = Subject("abc")
m = re.match("a", s)
print("referents include subject:", any(r is s for r in gc.get_referents(m)))
print("referents include pattern:", any(r is m.re for r in gc.get_referents(m)))
print("referrers of subject include match:", any(r is m for r in gc.get_referrers(s)))

# Matches survive collections while they are reachable.
keep = [re.match(r"(\w+) (\w+)", Subject("hello there")) for _ in range(50)]
gc.collect()
print(keep[10].groups(), keep[49].span(2))
