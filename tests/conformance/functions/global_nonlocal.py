# global and nonlocal statements.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter)
def make_global():
    global created_later
    created_later = "made"
make_global()
print(created_later)
def outer():
    x = 1
    def middle():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
        inner()
        return x
    middle()
    return x
print(outer())
def shadow():
    counter = "local"
    return counter
print(shadow(), counter)
def unbound():
    try:
        print(counter)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    counter = 5
unbound()
def read_global():
    return counter * 100
print(read_global())
x = "module"
def lookups():
    def nested():
        return x
    return nested()
print(lookups())
def nonlocal_loop():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for i in range(5):
        add(i)
    return total
print(nonlocal_loop())
g = {"a": 1}
def mutate_global_container():
    g["b"] = 2
mutate_global_container()
print(g)
