# Numeric, string and container literal forms.
print(0b1011, 0o777, 0xDEAD_BEEF, 1_000, 1e3, 1E-3, 1.5e+2, .5, 5., 0.0, 1_0.0_1, 3j, 1.5J, 0xa)
print("single", 'double', """triple""", '''triple single''', r"\d+", b"\x00", rb"\n", Rb"x", BR"y", f"{1}")
print("tab\tnewline\\n", "\x41\u0042\U00000043\N{LATIN SMALL LETTER D}", "\101", "\0" == "\x00")
print("con" "cat" 'en' """ation""", ("implicit"
                                    " across lines"))
print([], [1, ], (), (1,), {}, {1}, {1: 2, }, [[]], ((),), {"a": [1, (2, {3})]})
print(...,  None, True, False, NotImplemented)
print(type(1e0).__name__, type(1j).__name__, type(10**0).__name__, 1_2_3, 0_0, 00)
s = """line one
    line two \
continued
"""
print(repr(s))
print(len("\N{SNOWMAN}"), "\N{SNOWMAN}", "caf\u00e9" == "café")
