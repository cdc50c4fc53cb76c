# Cycles running through iterators, views, deques, namespaces, super objects, generic
# aliases, operator getters and itertools objects are collected; gc.is_tracked reports them
# as containers.
import collections
import gc
import itertools
import operator
import types
import weakref

gc.disable()


class Node:
    pass


def collected(make):
    """Builds a cycle through the object `make(node)` returns (node.ref = it) and reports
    whether the node dies once the last outside reference is gone."""
    node = Node()
    node.ref = make(node)
    w = weakref.ref(node)
    del node
    gc.collect()
    return w() is None


def seq(n):
    return [n]


cases = {
    "list_iterator": lambda n: iter(seq(n)),
    "tuple_iterator": lambda n: iter((n,)),
    "callable_iterator": lambda n: iter(lambda: n, None),
    "dict_keyiterator": lambda n: iter({n: 1}),
    "dict_valueiterator": lambda n: iter({1: n}.values()),
    "dict_items": lambda n: {1: n}.items(),
    "dict_keys": lambda n: {n: 1}.keys(),
    "set_iterator": lambda n: iter({n}),
    "mappingproxy": lambda n: types.MappingProxyType({1: n}),
    "deque": lambda n: collections.deque([n]),
    "deque_iterator": lambda n: iter(collections.deque([n])),
    "deque_reverse_iterator": lambda n: reversed(collections.deque([n])),
    "super": lambda n: super(Node, n),
    "generic_alias": lambda n: list[n],
    "enumerate": lambda n: enumerate(seq(n)),
    "zip": lambda n: zip(seq(n), seq(n)),
    # The last result tuple, which the iterator keeps for reuse once it is let go.
    "enumerate_result": lambda n: (lambda e: (next(e), e)[1])(enumerate([n, n])),
    "zip_result": lambda n: (lambda z: (next(z), z)[1])(zip([n, n], [1, 2])),
    "dict_items_result": lambda n: (lambda i: (next(i), i)[1])(iter({1: n, 2: n}.items())),
    "map": lambda n: map(lambda x: n, [1]),
    "filter": lambda n: filter(lambda x: n, [1]),
    "reversed": lambda n: reversed(seq(n)),
    "namespace": lambda n: types.SimpleNamespace(node=n),
    "itemgetter": lambda n: operator.itemgetter(n),
    "attrgetter_names": lambda n: [operator.attrgetter("a"), n],
    "methodcaller": lambda n: operator.methodcaller("m", n),
    "count": lambda n: [itertools.count(), n],
    "cycle": lambda n: itertools.cycle(seq(n)),
    "cycle_saved": lambda n: (lambda c: (next(c), c)[1])(itertools.cycle([n])),
    "repeat": lambda n: itertools.repeat(n),
    "accumulate": lambda n: itertools.accumulate([1], initial=n),
    "batched": lambda n: itertools.batched(seq(n), 1),
    "chain": lambda n: itertools.chain(seq(n)),
    "compress": lambda n: itertools.compress(seq(n), [1]),
    "takewhile": lambda n: itertools.takewhile(lambda x: n, [1]),
    "islice": lambda n: itertools.islice(seq(n), 1),
    "pairwise": lambda n: itertools.pairwise(seq(n)),
    "zip_longest": lambda n: itertools.zip_longest(seq(n), fillvalue=n),
    "product": lambda n: itertools.product(seq(n)),
    "permutations": lambda n: itertools.permutations(seq(n)),
    "combinations": lambda n: itertools.combinations(seq(n), 1),
    "tee": lambda n: itertools.tee(seq(n))[0],
    "tee_buffered": lambda n: (lambda a, b: (next(a), b)[1])(*itertools.tee([n])),
    "groupby": lambda n: itertools.groupby(seq(n)),
    "grouper": lambda n: next(itertools.groupby([n]))[1],
}
for name, make in cases.items():
    print(name, collected(make))

tracked = {
    "list_iterator": iter([]),
    "dict_items": {}.items(),
    "deque": collections.deque(),
    "super": super(Node, Node()),
    "generic_alias": list[int],
    "union": int | str,
    "enumerate": enumerate([]),
    "zip": zip(),
    "map": map(str, []),
    "namespace": types.SimpleNamespace(),
    "itemgetter": operator.itemgetter(1),
    "cycle": itertools.cycle([]),
    "chain": itertools.chain(),
    "product": itertools.product(),
    "tee": itertools.tee([])[0],
    "groupby": itertools.groupby([]),
    "range_iterator": iter(range(3)),
}
for name, obj in tracked.items():
    print("tracked", name, gc.is_tracked(obj))

# A cleared iterator chain leaves nothing behind: the deque and its iterator, both in a
# cycle with the node.
d = collections.deque()
it = iter(d)
d.append(it)
d.append(d)
w = weakref.ref(Node())
del d, it
print("deque self-cycle collected:", gc.collect() >= 2)
