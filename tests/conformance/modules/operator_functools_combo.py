# operator + functools combinations: reduce with operator functions, sorting with attrgetter chains, partial methods.
import functools
import operator
print(functools.reduce(operator.add, range(10)), functools.reduce(operator.mul, range(1, 8)), functools.reduce(operator.or_, [1, 2, 8]))
print(functools.reduce(operator.concat, [[1], [2, 3], []]), functools.reduce(max, [3, 9, 2], 0), functools.reduce(operator.xor, range(16)))
class Emp:
    def __init__(self, name, dept, salary):
        self.name, self.dept, self.salary = name, dept, salary
    def __repr__(self):
        return self.name
staff = [Emp("ann", "eng", 120), Emp("bob", "ops", 90), Emp("cyd", "eng", 95), Emp("dee", "ops", 90)]
print(sorted(staff, key=operator.attrgetter("dept", "salary")), sorted(staff, key=operator.attrgetter("salary"), reverse=True))
by_dept = {}
for e in sorted(staff, key=operator.attrgetter("dept")):
    by_dept.setdefault(e.dept, []).append(e.salary)
print({d: functools.reduce(operator.add, s) for d, s in by_dept.items()})
class Cell:
    def __init__(self):
        self.v = 0
    def set(self, v):
        self.v = v
        return self
    set_zero = functools.partialmethod(set, 0)
    set_ten = functools.partialmethod(set, 10)
c = Cell()
print(c.set_ten().v, c.set_zero().v, c.set(5).v)
inc = functools.partial(operator.add, 1)
print(list(map(inc, [1, 2, 3])), list(map(operator.neg, [1, -2])), list(map(operator.itemgetter(0), ["ab", "cd"])))
