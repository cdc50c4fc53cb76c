# str.find/rfind/index/rindex/count/startswith/endswith with start/end on long ASCII and
# non-ASCII strings, from loops (a tokenizer scanning by position): each call must cost
# O(window), not O(len), and positions are in code points.
text = ("déjà vu, naïve café; " * 3000) + "end\U0001F600mark" + ("x" * 50_000)
print(len(text), text.find("end"), text.rfind("café"), text.count("é"), text.count("é", 100, 5000))
pos, hits = 0, 0
while True:
    pos = text.find(";", pos)
    if pos < 0:
        break
    hits += 1
    pos += 1
print(hits, text.find(";", -30), text.rfind(";", 0, 1000), text.find("\U0001F600"), text.index("mark"))
words = 0
for i in range(0, len(text), 7):
    if text.startswith("caf", i) or text.endswith("vu", 0, i):
        words += 1
print(words, text.startswith(("x", "d")), text.endswith("xx"), text.startswith("é", 1), text.endswith("", 5, 2))
print(text.rfind("x"), text.rfind("x", 0, -50_000), text.rindex("é", 10, 20), text.find("", 10, 5), text.rfind("", 3, 9))
print(text.find("é", len(text) + 5), text.count("", 5, 9), text.count("ab"), text.count("xx", -10), text.count("é", 20, 10))
s = "a\ud800b\ud83d\ude00c\U0001F600"
print(len(s), s.find("\ud800"), s.find("\ude00"), s.find("c"), s.rfind("\U0001F600"), s.count("\ud83d"), s.find("\ud83d\ude00"))
ascii_text = "ab" * 200_000
print(ascii_text.find("ba", 1000), ascii_text.rfind("ab", 0, 777), ascii_text.count("abab"), ascii_text.count("a", 10, 20))
try:
    text.index("zzz", 5)
except ValueError as e:
    print("ValueError:", e)
try:
    text.find(5)
except TypeError as e:
    print("TypeError:", e)
try:
    text.startswith(["x"])
except TypeError as e:
    print("TypeError:", e)
