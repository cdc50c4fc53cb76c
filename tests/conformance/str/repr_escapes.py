# repr and ascii of strings with quotes, escapes and non-printable characters.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\nhere", "cr\r", "nul\x00",
           "bell\x07", "del\x7f", "\x80\x9f", "é", "日本", "🐍", "\u200b", "\ud800", "\\", "\u2028",
           "\U0010ffff", "\xa0", "\xad", "a'b\"c"]
for s in samples:
    print(repr(s), ascii(s), len(s))
print(repr("'" * 3), repr('"' * 3), repr("'\""))
print(str("x"), str(b"x"), str(3.0), str([1, "a"]), repr([1, "a"]), str(("a",)))
print("\N{GREEK SMALL LETTER ALPHA}", "\u03b1" == "\N{GREEK SMALL LETTER ALPHA}", "\x41\101\u0041")
print(r"raw\n\t", len(r"\n"), "a" "b" 'c', """triple
quoted""")
