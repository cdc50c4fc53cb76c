# `in` over builtin sets, dicts, lists and tuples decided without Python code, next to the
# cases that need __eq__/__hash__/__contains__, and item assignment on lists and dicts.

nan = float('nan')
s = {1, 'a', (1, 2), 2.5, None, nan}
fs = frozenset(s)
for c in (s, fs, dict.fromkeys(s), list(s), tuple(s)):
    print(type(c).__name__, 1 in c, 1.0 in c, True in c, 'a' in c, 'b' in c, (1, 2) in c,
          (1.0, 2) in c, 2.5 in c, None in c, nan in c, float('nan') in c, 3 not in c)

class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print('Eq.__eq__', self.v)
        return self.v == other
    def __hash__(self):
        return hash(self.v)

print(Eq(1) in s, Eq(1) in [1, 2], Eq(5) in (1, 2))
print(1 in [Eq(0), Eq(1)], 'a' in {Eq('a'): 0})

class Raises:
    def __eq__(self, other):
        raise RuntimeError('eq')
    __hash__ = object.__hash__

for c in ([Raises()], (Raises(),)):
    try:
        print(1 in c)
    except RuntimeError as e:
        print('RuntimeError', e)

class NonBool:
    def __eq__(self, other):
        return [1]
print(1 in [NonBool()])

for key in ([1], {1}, {}):
    for c in ({1: 2}, {1, 2}):
        try:
            print(key in c)
        except TypeError as e:
            print('TypeError', e)
print({1} in {frozenset({1}), 2}, set() in {frozenset()})

class SC(set):
    def __contains__(self, k):
        return 'SC'
class DC(dict):
    def __contains__(self, k):
        return 0
class LC(list):
    def __contains__(self, k):
        return 1
print(1 in SC({1}), 1 in DC({1: 1}), 1 in LC([]), 2 in SC())

# Stores.
l = [0, 1, 2]
l[0] = 'a'; l[-1] = 'c'; l[True] = 'b'
print(l)
for i in (3, -4, 2**70, 'x', 1.0):
    try:
        l[i] = 0
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)

class I:
    def __index__(self):
        return 1
l[I()] = 'idx'
print(l)

d = {}
d['a'] = 1; d[(1, 2)] = 2; d[1] = 3; d[1.0] = 4; d[True] = 5; d[(1.0, 2)] = 6; d[nan] = 7
d[None] = 8
print(d)
d2 = {Eq(1): 'x'}
d2[1] = 'y'
print(len(d2), list(d2.values()))
try:
    d[[1]] = 1
except TypeError as e:
    print('TypeError', e)

class DS(dict):
    def __setitem__(self, k, v):
        print('DS.__setitem__', k, v)
class LS(list):
    def __setitem__(self, k, v):
        print('LS.__setitem__', k, v)
DS()['k'] = 1
LS([1])[0] = 2

class Del:
    def __del__(self):
        print('Del.__del__')
l2 = [Del()]
l2[0] = 1
print('after list store')
d3 = {'k': Del()}
d3['k'] = 1
print('after dict store')
print(l2, d3)

# Iteration order after stores and deletes.
d4 = dict.fromkeys(range(6))
del d4[2]
d4[2] = 'back'
d4[0] = 'zero'
print(list(d4.items()))
