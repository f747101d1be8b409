def compute():
    counter_value = 10
    return counter_valeu + 1
print("calling")
compute()
