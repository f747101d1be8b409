total = 0
count = 0
print("computing average")
average = total / count
