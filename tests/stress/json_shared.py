# json.dumps / json.loads (the native _json encoder and scanner) on a list and
# a dict that another thread mutates all the while: the encoder reads the
# list one bounds-checked item at a time and the dict through a snapshot of
# its items, so no crash, no TSan report, and every text it writes parses back.
import json
import threading

shared = [{"a": i, "b": [i, str(i)]} for i in range(200)]
table = {str(i): i for i in range(100)}
stop = False


def mutate():
    i = 0
    while not stop:
        shared.append({"x": i, "y": [i] * (i % 5)})
        shared.pop(0)
        table[str(i % 300)] = i
        table.pop(str((i + 50) % 300), None)
        i += 1


def encode(rounds):
    for _ in range(rounds):
        text = json.dumps([shared, table])
        back = json.loads(text)
        assert isinstance(back, list) and len(back) == 2
        json.loads(json.dumps(table, sort_keys=True, indent=1))


writer = threading.Thread(target=mutate)
writer.start()
readers = [threading.Thread(target=encode, args=(150,)) for _ in range(2)]
for t in readers:
    t.start()
for t in readers:
    t.join()
stop = True
writer.join()
print("ok")
