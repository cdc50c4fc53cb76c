# NaN identity: each NaN object is distinct, and containers compare by identity first.
import math, struct, array, json
a = float("nan")
b = float("nan")
print(a is b, a is a, a == a, math.nan is math.nan, math.nan == math.nan)
print((a,) == (a,), (a,) == (b,), [a] == [a], [a] == [b], a in [a], a in [b], b in (a, b))
print([a, b, a].count(a), [a, b].index(b), {a: 1}.get(a), {a: 1}.get(b), len({a, b, a}))
d = {a: "a", b: "b"}
print(len(d), d[a], d[b], sorted(d.values()))
inf = float("inf")
c = inf - inf
print(c is c, c is inf - inf, (c,) == (c,), c in [c], math.isnan(c), c != c)
print(float(a) is a, +a is a, a.real is a, a.conjugate() is a, abs(a) is a, -a is a)
print(float("nan") is float("nan"), float("-nan") in [a], repr(-a), str(a * 2))
x = [a, 1.0, b]
print(x.count(a), x.count(float("nan")), x.index(a), x == x[:], x == [float("nan"), 1.0, b])
print(struct.unpack("d", struct.pack("d", a))[0] is a, math.isnan(struct.unpack("d", struct.pack("d", a))[0]))
arr = array.array("d", [a])
print(arr[0] is arr[0], arr[0] == arr[0], math.isnan(arr[0]))
j = json.loads("[NaN, NaN]")
print(j[0] is j[0], j[0] == j[0], json.dumps(j), json.dumps(a))
print(math.fsum([inf, -inf]) if False else "skip", sum([inf, -inf]) is sum([inf, -inf]), math.isnan(sum([inf, -inf])))
print(hash(a) == hash(a), type(a) is float, type(c) is float, isinstance(a, float), a.hex(), c.is_integer())
print(f"{a}", f"{a:.3f}", "%s %r %f" % (a, a, a), format(a, "e"), round(a, 2) is a, math.isnan(round(a, 2)))
print(max(a, 1.0) is a, min([a]) is a, sorted([a, b])[0] is a, a < 1, a > 1, 1 < a)
print(divmod(a, 2.0), a % 2, a // 1, a ** 0, 1 ** a, a ** 1, pow(a, 2))
print(complex(a, 1).real is complex(a, 1).real, math.isnan(complex(a, 1).real))
print(0 * inf, inf * 0 is inf * 0, inf / inf if False else "x", math.copysign(1.0, a))
import copy
print(copy.copy(a) is a, copy.deepcopy([a])[0] is a, copy.deepcopy((a, a)) == (a, a))
t = (a, b)
print(t == t, t.count(a), t.index(b), (1, a) < (1, b), (1, a) <= (1, a), (a, 1) < (a, 2), (a, 1) < (b, 2))
class F(float):
    pass
f = F("nan")
print(type(f).__name__, f is f, (f,) == (f,), F("nan") == F("nan"), type(f + 1).__name__)
print(int.__truediv__(1, 1) is not None, float.__add__(a, 1.0) is float.__add__(a, 1.0))
