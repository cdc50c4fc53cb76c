# operator: function forms, itemgetter, attrgetter, methodcaller, index/length_hint.
import operator as op
print(op.add(2, 3), op.sub(5, 7), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 8), op.neg(3), op.pos(-3), op.abs(-4))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(5), op.lshift(1, 4), op.rshift(32, 2), op.not_(0), op.truth([]))
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2), op.is_(None, None), op.is_not(1, None))
print(op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.getitem({"k": "v"}, "k"), op.concat([1], [2]))
lst = [1, 2, 3]
op.setitem(lst, 0, "x")
op.delitem(lst, 1)
print(lst, op.index(7), op.length_hint([1, 2]), op.length_hint(iter([]), 5))
recs = [{"n": "b", "a": 2}, {"n": "a", "a": 3}, {"n": "c", "a": 1}]
print(sorted(recs, key=op.itemgetter("n")), list(map(op.itemgetter("a", "n"), recs)), op.itemgetter(1, -1)("abcd"))
class P:
    def __init__(self, x, inner=None):
        self.x = x
        self.inner = inner
    def scaled(self, k):
        return self.x * k
ps = [P(3, P(30)), P(1, P(10)), P(2, P(20))]
print([p.x for p in sorted(ps, key=op.attrgetter("x"))], op.attrgetter("inner.x")(ps[0]), op.attrgetter("x", "inner.x")(ps[1]))
print(list(map(op.methodcaller("scaled", 10), ps)), op.methodcaller("upper")("abc"), op.methodcaller("split", ",", 1)("a,b,c"))
x = [1]
x = op.iadd(x, [2])
print(x, op.iconcat([0], [9]), op.imul(3, 4), op.call(len, "four"))
