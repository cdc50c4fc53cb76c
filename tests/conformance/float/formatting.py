# The float format-spec mini-language.
x = 12345.6789
specs = ["", "f", ".2f", ".0f", "e", ".3e", "E", "g", ".3g", ".10g", "G", "%", ".1%",
         "10.2f", "<12.3f", ">12.3f", "^12.3f", "+.2f", " .2f", "012.3f", ",.2f", "_.3f",
         "#.0f", "#g", "n", ".2n", "=+12.2f", "*^15,.1f", "#.3e", "r" if False else ".12g"]
for s in specs:
    print(repr(s), format(x, s), format(-x, s))
for v in [0.0, -0.0, 1e-5, 1e16, 1.5e300, 0.1, 100.0, 1e-300, float("inf"), float("nan")]:
    print(format(v, ""), format(v, "g"), format(v, ".3f"), format(v, "e"), format(v, "10.4g"), format(v, "%"))
print("%f %e %g %.3f %10.2f|%-10.2f|%+.1e" % (3.14159, 3.14159, 3.14159, 2.0, 1.5, 1.5, 12345.0))
print(f"{x:.3f} {x:,} {x:e} {x!r} {x:015.4f}")
print(format(1e100, ",.0f")[:30], format(2**0.5, ".17g"), format(1 / 3, ".25f"))
print(format(0.000123, "g"), format(123456789.0, "g"), format(1234567.0, "g"), format(0.0001, "g"))
print(format(123.0, "z.1f"), format(-0.0, "z.1f"), format(-0.00001, "z.2f"), format(-0.0, ".1f"))
