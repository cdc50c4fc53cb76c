# type's layout attributes (__flags__ bits, __basicsize__, __itemsize__, __dictoffset__,
# __weakrefoffset__, __text_signature__, __type_params__) and dir(type) without
# __class_getitem__ (type[int] still works).
import types
for t in (object,type,int,bool,float,complex,str,bytes,bytearray,list,tuple,dict,set,frozenset,range,slice,BaseException,ValueError,types.FunctionType,types.ModuleType,property,staticmethod,memoryview,super):
    print(t.__name__, t.__basicsize__, t.__itemsize__, t.__dictoffset__, t.__weakrefoffset__, t.__text_signature__ if t in (type, int, str) else '', t.__type_params__)
class C: pass
class L(list): pass
class S: __slots__=('a','b')
class W: __slots__=('a','__weakref__')
class E(Exception): pass
class I(int): pass
class G[T, U]: pass
class D(dict): pass
class SS(S): __slots__ = ('c',)
for t in (C, L, S, W, E, I, G, D, SS):
    f = t.__flags__
    print(t.__name__, t.__basicsize__, t.__itemsize__, t.__dictoffset__, t.__weakrefoffset__,
          t.__type_params__, bool(f & 1 << 9), bool(f & 1 << 10), bool(f & 1 << 8), bool(f & 1<<14), bool(f & 1 << 4), bool(f & 1 << 25), bool(f & 1 << 24), bool(f & 1 << 30), bool(f & 1 << 29))
for t in (object, int, list, dict, str, tuple, bytes, type, BaseException, bool, range):
    f = t.__flags__
    print(t.__name__, [b for b in (1,4,5,6,8,9,10,12,20,22,24,25,26,27,28,29,30,31) if f & (1 << b)])
from abc import ABC, abstractmethod
class A(ABC):
    @abstractmethod
    def m(self): pass
print(bool(A.__flags__ & 1 << 20), bool(C.__flags__ & 1 << 20))
print(type[int], list[int])
print('__class_getitem__' in dir(type), hasattr(type, '__class_getitem__'))
C.__type_params__ = (1,)
print(C.__type_params__)
for bad in (lambda: setattr(int, '__type_params__', ()), lambda: delattr(C, '__type_params__'), lambda: setattr(C, '__flags__', 1), lambda: setattr(C, '__basicsize__', 1)):
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(sorted(set(dir(type)) ^ set(dir(C.__class__))))
