class Obj:
    pass

o = Obj()
o.a = 1
o.a.b = 2 if hasattr(o, "b") else 3
o.a += o.a
del o.a
x = o.method().attr.other
y = o[1][2]
o[1] = o[2] = 3
o[1:2:3] = 4
del o[0]
z = o[1:2], o[::], o[:-1], o[a:b], o[a:b:c]
o[k] += 1
o[1:2] += [1]
w = (o.a, o.b)
o.m(1)(2).n(3)

def attr_chain(s):
    s.x.y.z = s.a.b.c
    return s.f().g().h()
