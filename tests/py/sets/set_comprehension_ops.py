evens = {x for x in range(20) if x % 2 == 0}
threes = {x for x in range(20) if x % 3 == 0}
print(sorted(evens & threes), sorted(evens - threes)[:4], len(evens | threes))
words = ["apple", "Banana", "APPLE", "cherry", "banana"]
print(sorted({w.lower() for w in words}), len(set(words)))
print(sorted({len(w) for w in words}), sorted(set("hello world") - {" "}))
def unique_in_order(seq):
    seen = set()
    return [x for x in seq if not (x in seen or seen.add(x))]
print(unique_in_order([3, 1, 3, 2, 1, 4]))
