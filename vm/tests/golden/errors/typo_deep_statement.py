def f():
    x = 1
    y = 2
    whil x:
        pass
