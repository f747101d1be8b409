# Markers under the failing part of each traceback line: a call inside a
# larger line, a subscript, and a binary operation (operator marked '^').
def lookup(table, key):
    return table[key] * 2

def total(items):
    result = sum(items) + lookup({"a": 1}, "a") + len(items) // 0
    return result

def main():
    values = [1, 2, 3]
    print("start", lookup({"k": 4}, "k"))
    return total(values)

main()
