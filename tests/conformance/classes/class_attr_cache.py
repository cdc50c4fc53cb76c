# `Cls.attr` at one site: the inline cache remembers a class's plain attribute; every change
# that could alter the answer must be seen.


class Direction:
    FORWARD = 1
    BACKWARD = -1
    NAME = "dir"
    NOTHING = None
    RATIO = 0.5
    FLAG = True

    def method(self):
        return "method"


def read(cls):
    return (cls.FORWARD, cls.BACKWARD, cls.NAME, cls.NOTHING, cls.RATIO, cls.FLAG)


for _ in range(3):
    print(read(Direction))

# Reassigned, deleted, inherited.
Direction.FORWARD = 2
print(read(Direction))


class Sub(Direction):
    pass


print(read(Sub))
Sub.FORWARD = "sub"
print(read(Sub), read(Direction))
del Sub.FORWARD
print(read(Sub))
Direction.FORWARD = 3
print(read(Sub))

# Alternating classes at one site.
for cls in [Direction, Sub, Direction, Sub]:
    print(cls.NAME, cls.FORWARD)


# A function read through its class is the function itself.
def get_method(cls):
    return cls.method


for _ in range(3):
    print(get_method(Direction) is Direction.__dict__["method"])
Direction.method = lambda self: "new"
print(get_method(Direction)(None))


# The attribute's class gains a __get__ later.
class Thing:
    pass


class Holder:
    thing = Thing()


def get_thing(cls):
    return cls.thing


for _ in range(3):
    print(type(get_thing(Holder)).__name__)
Thing.__get__ = lambda self, obj, cls: "descriptor result"
print(get_thing(Holder))
del Thing.__get__
print(type(get_thing(Holder)).__name__)


# A metaclass attribute of the same name (a data descriptor on the metaclass wins).
class Meta(type):
    @property
    def FORWARD(cls):
        return "meta-property"


class WithMeta(Direction, metaclass=Meta):
    pass


for cls in [Direction, WithMeta, Direction, WithMeta]:
    print(cls.FORWARD)


# A metaclass gaining a data descriptor later.
class Meta2(type):
    pass


class M2(metaclass=Meta2):
    VALUE = "class-value"


def get_value(cls):
    return cls.VALUE


for _ in range(3):
    print(get_value(M2))
Meta2.VALUE = property(lambda cls: "meta2-property")
print(get_value(M2))
del Meta2.VALUE
print(get_value(M2))

# A missing attribute, then added.
for i in range(3):
    try:
        print(Direction.LATER)
    except AttributeError as e:
        print("AttributeError", e)
    if i == 1:
        Direction.LATER = "later"

# The same site reading an instance and its class.
d = Direction()
d.NAME = "instance-name"
for o in [Direction, d, Direction, d]:
    print(o.NAME)

# A classmethod and staticmethod through the class.
class K:
    @classmethod
    def cm(cls):
        return cls.__name__

    @staticmethod
    def sm():
        return "static"


for _ in range(2):
    print(K.cm(), K.sm(), K.cm.__name__, K.sm.__name__)
