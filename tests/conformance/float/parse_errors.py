# float() parsing edge cases and error messages.
for s in ["1.5", " 1.5\n", "1e5", "1E-5", ".5", "5.", "-.5e+1", "1_0.5", "infinity", "NaN", "-iNF",
          "0x1p3", "1.5e", "e5", "1..5", "", "   ", "1_", "abc", "1.5j", "١.٥", "1e1000000"]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
for bad in [None, [], "1", 1j]:
    try:
        print(float(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
