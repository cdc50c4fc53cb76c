# Sequence concatenation/repetition slots: a subclass defining __add__/__mul__ in Python
# loses the inherited native fallback; the builtins expose them as wrapper descriptors.
class L(list):
    def __add__(self, o):
        return NotImplemented
for a, b in [(L([1]), [2]), ([1], L([2])), (L([1]), L([2]))]:
    try:
        print(a + b)
    except TypeError as e: print(e)
class T(tuple):
    def __add__(self, o): return NotImplemented
try: print(T((1,)) + (2,))
except TypeError as e: print(e)
class S(str):
    def __add__(self, o): return NotImplemented
try: print(S("a") + "b")
except TypeError as e: print(e)
class I(int):
    def __add__(self, o): return NotImplemented
try: print(I(1) + 2)
except TypeError as e: print(e)
x = L([1]); 
try:
    x += [2]; print(x)
except TypeError as e: print(e)
class M(list):
    def __mul__(self, o): return NotImplemented
try: print(M([1]) * 2)
except TypeError as e: print(e)
for e in ["(1,)+[2]", "(1,)*'a'", "tuple.__add__((1,),[2])", "(1,2)*2", "2*(1,2)", "tuple.__mul__((1,),'x')", "tuple.__add__([1],(2,))", "(1,)+()", "()+(1,)", "[1]+(2,)", "T((1,)).__add__", "tuple.__rmul__((1,), 3)", "(1,)*True", "(1,)*-1", "(1,) * (2**70)"]:
    try: print(e, '->', eval(e))
    except Exception as x: print(e, type(x).__name__, x)
class U(tuple): pass
print(U((1,)) + (2,), type(U((1,)) + (2,)), U((1,))*2)
class V(tuple):
    def __add__(self, o): return ("V", super().__add__(o))
    def __mul__(self, o): return NotImplemented
print(V((1,)) + (2,))
try: print(V((1,)) * 2)
except TypeError as e: print(e)
print(2 * V((1,)))
for e in ["type(list.__add__)", "type(tuple.__mul__)", "list.__add__", "'a'.__mul__('x')", "'a'.__add__(1)", "[1].__add__((1,))", "[1].__rmul__(2)", "bytearray(b'a').__add__(b'b')", "b'a'.__mul__(3)", "str.__add__(1, 'a')", "list.__mul__([1], 2**80)", "[1].__mul__(-3)", "'ab'.__rmul__(2)", "(1,).__mul__(2.0)", "tuple.__add__.__objclass__", "(1,).__add__.__name__", "[].__add__.__qualname__", "'x' * 3", "3 * 'x'", "[0] * 3", "(1,2) + (3,)", "'a'+'b'"]:
    try: print(e, '->', eval(e))
    except Exception as x: print(e, type(x).__name__, x)
class L(list):
    def __add__(self, o): return ['L', super().__add__(o)]
    def __mul__(self, n): return super().__mul__(n) + ['m']
print(L([1]) + [2], L([1]) * 2, 2 * L([1]))
class S(str):
    def __rmul__(self, n): return 'r'
print(S('a') * 2, 2 * S('a'))
