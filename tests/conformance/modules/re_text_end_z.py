# \z (new in 3.14) anchors at the very end of the text, like \Z: unlike $, not before a
# final newline.
import re

for pat in [r"ab\z", r"ab\Z", r"ab$"]:
    print(pat, bool(re.search(pat, "ab")), bool(re.search(pat, "ab\n")), bool(re.match(pat, "abc")))
print(re.findall(r"\w+\z", "one two\nthree"))
print(bool(re.fullmatch(re.escape("a.b") + r"\z", "a.b")), bool(re.match(re.escape("a.b") + r"\z", "a.bc")))
print(bool(re.search(rb"x\z", b"yx")))
