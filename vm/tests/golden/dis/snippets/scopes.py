G = 0

def uses_global():
    global G
    G += 1
    return G

def reads_global():
    return G + len("x")

def cell_and_free(a):
    b = 1
    def inner():
        nonlocal b
        b += a
        return b
    return inner

def arg_is_cell(x, y):
    def inner():
        return x
    return inner, y

def deep(a):
    def l1():
        def l2():
            def l3():
                return a
            return l3
        return l2
    return l1

class K:
    v = 1
    def m(self):
        return v
    def n(self):
        return __class__, super()
    w = [v for _ in range(1)]

def class_in_func(x):
    class C:
        y = x
        def get(self):
            return x
    return C

def shadow(len):
    return len

def locals_call():
    x = 1
    return locals()

def del_local():
    x = 1
    del x
    x = 2
    return x
