print("this line never runs")
total = 0
values = [1, 2, 3
