import datetime, pickle, copy
for args in [(2024, 2, 30), (2024, 13, 1), (0, 1, 1), (10000, 1, 1), (2024, 0, 5), (2023, 2, 29)]:
    try:
        datetime.date(*args)
    except ValueError as e:
        print('ValueError', e)
for args in [(24, 0), (0, 60), (0, 0, 60), (0, 0, 0, 10**6), (-1, 0)]:
    try:
        datetime.time(*args)
    except ValueError as e:
        print('ValueError', e)
    try:
        datetime.datetime(2024, 1, 1, *args)
    except ValueError as e:
        print('ValueError', e)
try:
    datetime.datetime(2024, 1, 1, fold=2)
except ValueError as e:
    print('ValueError', e)
try:
    datetime.date(2024.0, 1, 1)
except TypeError as e:
    print('TypeError', e)
d = datetime.datetime(2024, 3, 5, 14, 7, 9)
print(pickle.loads(pickle.dumps(d)) == d, copy.deepcopy(d), d.replace(day=31))
try:
    d.replace(month=2, day=31)
except ValueError as e:
    print('ValueError', e)
print(datetime.date(2024, 1, 31) + datetime.timedelta(days=1), datetime.date.today() > datetime.date(2000, 1, 1))
