class MyList:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"
print(MyList[int], MyList["x"])
print(list[int], dict[str, list[int]], tuple[int, ...])
alias = list[int]
print(alias.__origin__ is list, alias.__args__, alias([1, 2]))
print(type[int])
try:
    int[str]
except TypeError as e:
    print(type(e).__name__, e)
