# replace (with counts), translate and maketrans.
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("", "-"), s.replace("", "-", 3))
print("aaa".replace("a", "aa"), "abc".replace("abc", ""), "héllo".replace("é", "e"), "🐍🐍".replace("🐍", "snake"))
print("aaaa".replace("aa", "b"), "abc".replace("x", "y"), "abc".replace("b", "", -1))
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc-abc".translate(t))
t2 = str.maketrans({"a": "1", "b": None, "c": "CC", ord("d"): 100})
print("abcdabcd".translate(t2))
t3 = str.maketrans("ab", "cd", "xyz")
print("axbycz".translate(t3))
print("hello".translate({ord("l"): None, ord("o"): "0"}))
class Table:
    def __getitem__(self, k):
        if k == ord("e"):
            return "3"
        raise LookupError
print("eerie".translate(Table()))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print("ValueError:", e)
