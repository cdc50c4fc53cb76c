x = 1 + \
    2 + \
        3
if x and \
   x:
    y = [1,
         2] \
        + [3]
def f(a,
      b):
    return a \
        + b
z = \
    \
    5
if 1:
  \
  pass
  x = 1
