# gc.callbacks phases, thresholds, counts, get_objects/referrers/referents,
# is_tracked, freeze and DEBUG_SAVEALL.
import gc

gc.disable()
phases = []
def cb(phase, info):
    phases.append((phase, sorted(info), info["generation"]))
    if phase == "stop":
        phases.append(("collected", info["collected"]))

gc.callbacks.append(cb)
l = []
l.append(l)
del l
gc.collect()
gc.callbacks.remove(cb)
print(phases)
gc.collect()
print(len(phases))

old = gc.get_threshold()
gc.set_threshold(500)
print(gc.get_threshold()[0])
gc.set_threshold(*old)
print(gc.get_threshold() == old)
print(type(gc.get_count()), len(gc.get_count()), all(isinstance(c, int) for c in gc.get_count()))

for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError", e)

class Thing:
    pass
t = Thing()
holder = [t]
print(any(o is holder for o in gc.get_objects()))
print(any(r is holder for r in gc.get_referrers(t)))
print(t in gc.get_referents(holder))
print(gc.get_referents(1, "s"))

print(gc.is_tracked([]), gc.is_tracked(Thing()), gc.is_tracked(1), gc.is_tracked("abc"), gc.is_tracked(None))
print(gc.is_finalized(t))

stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(gc.DEBUG_SAVEALL, gc.DEBUG_LEAK, gc.get_debug())

gc.set_debug(gc.DEBUG_SAVEALL)
s = []
s.append(s)
sid = id(s)
del s
gc.collect()
print("saved", any(id(o) == sid for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()

gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
