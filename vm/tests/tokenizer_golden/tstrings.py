name = "x"
t1 = t"hello {name}"
t2 = t'{name!r:>10}' T"{name=}" rt"\d{name}" Tr'{{}}'
t3 = t"""
{name
 + "y"}
"""
t4 = t"{t"{name}"}"; f4 = f"{t'{name}'}"
t5 = t"" t'' t"{{}}"
