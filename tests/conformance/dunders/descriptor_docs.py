# Slot wrappers carry CPython's slot docstrings and text signatures; types without a
# docstring still have `__doc__` in their dict, so instances never see object's docstring;
# method descriptors that coexist with slots (list.__getitem__, set.__contains__, ...).
import warnings

for w in [list.__len__, int.__add__, object.__init__, object.__repr__, type.__call__,
          int.__bool__, float.__neg__, list.__setitem__, object.__eq__, object.__hash__,
          (1).__add__, [].__len__, object.__getattribute__, int.__pow__, int.__rpow__,
          list.__iadd__, list.__imul__, list.__contains__, list.__iter__, list.__delitem__,
          property.__get__, property.__set__, property.__delete__, int.__index__]:
    print(type(w).__name__, w.__qualname__, w.__text_signature__, repr(w.__doc__))

for t in [type(iter([])), range, type(None), type(...), type(NotImplemented), staticmethod,
          classmethod, map, zip, enumerate, slice, type({}.keys()), type(list.append),
          type(list.__len__), type([].__len__)]:
    print(t.__name__, "__doc__" in t.__dict__)
print(type(iter([])).__doc__ is None or isinstance(type(iter([])).__doc__, str))
print(object().__doc__ == object.__doc__)

for t, n in [(list, "__getitem__"), (dict, "__getitem__"), (dict, "__contains__"),
             (set, "__contains__"), (frozenset, "__contains__"), (list, "__sizeof__"),
             (dict, "__sizeof__"), (str, "__sizeof__"), (int, "__sizeof__"),
             (type, "__sizeof__"), (object, "__sizeof__"), (bytearray, "__sizeof__")]:
    print(t.__name__, n, type(t.__dict__[n]).__name__)
print(sorted(n for n in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__")
             if n in type.__dict__))
print(int == int, int != str, type.__eq__(int, int), type.__ne__(int, str))

tests = ["[].__getitem__()", "list.__getitem__({}, 0)", "[1, 2].__getitem__(slice(0, 1))",
         "[1].__getitem__('a')", "[].__getitem__(5)", "[1, 2].__getitem__(-1)",
         "{1}.__contains__()", "set.__contains__([], 1)", "{1}.__contains__([])",
         "frozenset().__contains__({1})", "frozenset.__contains__(set(), 1)",
         "frozenset({1}).__contains__(1, 2)", "{1: 2}.__contains__([])",
         "{1: 2}.__contains__(1)", "dict.__contains__([], 1)", "list.__sizeof__(3)",
         "[].__sizeof__(1)", "object().__sizeof__(1)", "(5).__sizeof__(2)",
         "{frozenset([1])}.__contains__({1})", "list.__getitem__([7, 8], 1)",
         "'abc'.__sizeof__() > 0", "[1, 2, 3].__sizeof__() > [].__sizeof__()"]
for expr in tests:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)

class L(list):
    pass
print(L([4, 5]).__getitem__(0), L().__sizeof__() == [].__sizeof__(), L([1]) == [1])
class S(set):
    def __contains__(self, x):
        return True
print(5 in S(), S().__contains__(5), set.__contains__(S(), 5))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(~True, ~False, ~1)
print(len(caught), [w.category.__name__ for w in caught])
print(str(caught[0].message)[:60])
