# all()/any() stop at the first decisive element; they consume iterators only as far as needed.
def gen(values, log):
    for v in values:
        log.append(v)
        yield v
log = []
print(any(gen([0, 0, 3, 0, 5], log)), log)
log = []
print(all(gen([1, 2, 0, 4], log)), log)
it = iter([0, 1, 2, 3])
print(any(it), list(it))
it2 = iter([1, 1, 0, 1])
print(all(it2), list(it2))
print(all(x > 0 for x in []), any(x > 0 for x in []), all([[]]), any([[]]), all([[0]]), any("abc"))
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
print(any([Truthy(False), Truthy(True), Truthy(True)]))
print(all([Truthy(True), Truthy(False), Truthy(True)]))
