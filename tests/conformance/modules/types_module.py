# types: SimpleNamespace, MappingProxyType, FunctionType and friends, new_class.
import types
ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b="two", c=[3]))
del ns.a
print(ns, repr(types.SimpleNamespace()))
mp = types.MappingProxyType({"k": 1})
print(mp["k"], len(mp), list(mp), mp.get("z", 0), type(mp).__name__)
try:
    mp["k"] = 2
except TypeError as e:
    print("TypeError:", e)
def f():
    pass
async def co():
    pass
def gen():
    yield
class K:
    def m(self):
        pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(K().m, types.MethodType))
print(isinstance(gen(), types.GeneratorType), isinstance(types, types.ModuleType), type(None) is types.NoneType)
c = co()
print(isinstance(c, types.CoroutineType))
c.close()
print(types.LambdaType is types.FunctionType, type(f.__code__) is types.CodeType, isinstance(f.__code__, types.CodeType))
Dyn = types.new_class("Dyn", (object,), {}, lambda ns: ns.update({"x": 42}))
print(Dyn.__name__, Dyn.x, types.EllipsisType is type(...), types.NotImplementedType is type(NotImplemented))
bound = types.MethodType(lambda self, y: (self, y), "obj")
print(bound(5))
