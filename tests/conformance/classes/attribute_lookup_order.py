# Attribute lookup precedence: data descriptors > instance dict > non-data descriptors/class attrs > __getattr__.
class DataDesc:
    def __get__(self, obj, cls):
        return "data-descriptor"
    def __set__(self, obj, value):
        obj.__dict__["_set_via_desc"] = value
class NonDataDesc:
    def __get__(self, obj, cls):
        return "non-data-descriptor"
class Meta(type):
    meta_attr = "from metaclass"
    def __getattr__(cls, name):
        return f"Meta.__getattr__({name})"
class C(metaclass=Meta):
    d = DataDesc()
    n = NonDataDesc()
    plain = "class attribute"
    def __getattr__(self, name):
        return f"C.__getattr__({name})"
obj = C()
obj.__dict__.update(d="instance d", n="instance n", plain="instance plain")
print(obj.d, obj.n, obj.plain, obj.missing)
obj.d = "assigned"
print(obj.__dict__["_set_via_desc"], obj.d)
del obj.__dict__["plain"]
print(obj.plain, C.plain, C.meta_attr, C.unknown, C.d if False else type(C.__dict__["d"]).__name__)
class Sub(C):
    plain = "sub attribute"
s = Sub()
print(s.plain, s.n, s.d, s.other, Sub.meta_attr)
print(hasattr(obj, "anything"), getattr(obj, "x", "default-not-used"))
