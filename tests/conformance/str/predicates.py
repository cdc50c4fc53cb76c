# is* predicates over ASCII and Unicode samples.
samples = ["abc", "ABC", "123", "12.3", "abc123", "", " ", "\t\n", "٣", "²", "½", "Ⅻ", "é", "日本",
           "a b", "_x", "x_1", "1x", "class", "ǅ", "\u00a0", "\x00", "\x7f", "Ⅷ", "🐍"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(),
          s.isspace(), s.isidentifier(), s.isprintable(), s.isascii())
