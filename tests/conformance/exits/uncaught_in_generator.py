# Tracebacks through generator frames and a comprehension.
def numbers():
    yield 1
    yield 2
    yield int("three")
def doubled():
    for n in numbers():
        yield n * 2
print([d for d in doubled()])
