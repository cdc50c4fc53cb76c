def f():
    x = 1
    fro i in range(3):
        pass
