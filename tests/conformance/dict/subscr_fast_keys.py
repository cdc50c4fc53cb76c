# d[key] and `key in d` with keys hashed and compared without Python code (ints, strs,
# tuples of those) next to keys that need __eq__/__hash__, subclasses and missing keys.

d = {(1, 2): 'a', (2, 3): 'b', 'abc': 'c', 5: 'd', 2.5: 'e', None: 'f', True: 'g'}
x, y = 1, 2
print(d[(x, y)], d[(x + 1, y + 1)], d['ab' + 'c'], d[5], d[5.0], d[2.5], d[None], d[1], d[True])
print(d[(1.0, 2)], d[(True, 2)])
for k in [(1, 3), (1, 2, 3), (1,), 'abd', 6, 3.5, False, ((1, 2),)]:
    try:
        d[k]
    except KeyError as e:
        print('KeyError', repr(e.args[0]))

# Tuples whose items need __eq__.
class E:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        print('eq', self.v, getattr(other, 'v', other))
        return isinstance(other, E) and self.v == other.v

d2 = {(E(1), 2): 'x', (1, E(2)): 'y'}
print(d2[(E(1), 2)])
print(d2[(1, E(2))])
try:
    d2[(2, E(2))]
except KeyError:
    print('missing')

class Boom:
    def __hash__(self):
        return 7
    def __eq__(self, other):
        raise ValueError('boom')

d3 = {(Boom(), 1): 1}
try:
    d3[(Boom(), 1)]
except ValueError as e:
    print('ValueError', e)
# The first differing item decides before a raising __eq__ later on.
d4 = {(1, Boom()): 1}
try:
    print(d4[(2, Boom())])
except KeyError:
    print('KeyError first item differs')
except ValueError as e:
    print('ValueError', e)

# NaN keys: identity, not equality.
nan = float('nan')
d5 = {nan: 1, (nan, 1): 2}
print(d5[nan], d5[(nan, 1)])
for k in [float('nan'), (float('nan'), 1)]:
    try:
        d5[k]
    except KeyError:
        print('nan KeyError')

# Subclasses: __missing__, overridden __getitem__, str and tuple subclass keys.
class M(dict):
    def __missing__(self, k):
        return ('missing', k)
m = M(a=1)
print(m['a'], m['b'], m[(1, 2)])

class G(dict):
    def __getitem__(self, k):
        return ('get', k)
print(G(a=1)['a'])

class S(str):
    def __hash__(self):
        return hash(str(self))
    def __eq__(self, other):
        print('S.eq')
        return str(self) == other
print(d[S('abc')])

class T(tuple):
    pass
print(d[T((1, 2))])

# Unhashable keys.
for k in [[1], (1, [2]), {}]:
    try:
        d[k]
    except TypeError as e:
        print('TypeError', e)

# A dict only the stack references.
print({'k': 1}['k'], {(1, 2): 3}[(1, 2)])

# Sets and `in` with tuple keys.
s = {(1, 2), (3, 4), 'x'}
print((1, 2) in s, (x, y) in s, (2, 1) in s, (1.0, 2.0) in s, ('x',) in s)
print((1, 2) in d, (x, y) in d, (9, 9) in d)
print([(1, 2), (3, 4)].index((3, 4)), (3, 4) in [(1, 2), (3, 4)])
print(hash((1, 2)) == hash((1.0, 2)), hash(('a', 1, None, 2.5, True)) == hash(('a', 1, None, 2.5, 1)))
