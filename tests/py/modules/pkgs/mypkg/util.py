def double(x):
    return x * 2
def helper_name():
    return __name__
