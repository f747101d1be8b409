def task(name, steps):
    for i in range(steps):
        yield f"{name}:{i}"
def scheduler(tasks):
    queue = list(tasks)
    while queue:
        t = queue.pop(0)
        try:
            print(next(t))
        except StopIteration:
            print("finished")
            continue
        queue.append(t)
scheduler([task("A", 2), task("B", 3), task("C", 1)])
