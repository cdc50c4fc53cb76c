# complex str/repr of special values, formatting specs and string parsing forms.
for z in [complex(0, 1), complex(-0.0, 1), complex(1, -0.0), complex(0.0, 0.0), complex(-0.0, -0.0), complex(1e16, 1),
          complex(1.5, float("nan")), complex(float("-inf"), 2), complex(1e-7, 1e22)]:
    print(repr(z), str(z), format(z, ".3g"), format(z, "^24"), f"{z:+.2f}")
for s in ["1", "1j", "-1j", "1+1j", "1-1j", "(1+2j)", " (3-4j) ", "1e3+1e-3j", "infj", "-inf+nanj", "+1.5J", "1_0+2_0j"]:
    print(repr(s), complex(s))
print(complex("1+2j") == 1 + 2j, complex(b"1+2j" .decode()), complex(imag=3))
