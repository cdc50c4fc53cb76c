def f(x: undefined):
    pass
