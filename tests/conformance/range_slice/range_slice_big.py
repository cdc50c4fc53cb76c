# Range slicing and slice.indices with bounds and lengths beyond 64 bits (exact ints, as
# CPython's _PySlice_GetLongIndices), including __index__ call order and errors.
r = range(2**70)
for e in ["r[::3][5]", "r[5:][-1]", "r[::-7][2]", "r[10**20:10**21:10**19]", "range(0, 2**64, 1)[1:].start",
          "range(-2**65, 2**65, 3)[::-2]", "r[2**69:][:3]", "range(10)[::-1][2:]", "range(5, -5**30, -7)[::2][-1]",
          "r[::3]", "r[1:]", "r[-5:]", "r[::2**80]", "range(2**63-2, 2**63+2)[1:]", "range(-2**63-1, 2**63)[::2**62]"]:
    try:
        print(e, eval(e))
    except Exception as x:
        print(e, type(x).__name__, x)
class I:
    def __init__(self, v): self.v = v
    def __index__(self): print("index", self.v); return self.v
for e in ["range(10)[::-2**63]", "range(10)[::2**63]", "range(10)[I(2):I(2**70):I(-1)]", "range(10)[I(1):I(8):I(3)]",
          "slice(None,None,-3).indices(2**70)", "slice(-2**80, 2**90, 2**75).indices(2**70)", "slice(0, 10, 2**80).indices(10)",
          "slice(1,2,0).indices(5)", "slice(1,2).indices(-1)", "slice(1,2).indices('a')", "slice('a',2).indices(3)",
          "slice(I(1), I(5), I(2)).indices(I(4))", "range(10)[1:2:0]", "range(10)['a':]", "slice(None, -2**70).indices(5)",
          "range(3, 2**66, 5)[I(2**64):]", "range(2**65)[-3:-1]", "len(range(2**70)[::2**69])", "range(0)[::-1]"]:
    try:
        print(e, eval(e))
    except Exception as x:
        print(e, type(x).__name__, x)
