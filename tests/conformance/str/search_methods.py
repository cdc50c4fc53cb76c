# find/rfind/index/rindex/count/startswith/endswith with bounds.
s = "the quick brown fox jumps over the lazy dog; the end"
for sub in ["the", "o", "fox", "cat", "", " ", "end", "dog;"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 5), s.find(sub, 5, 20),
          s.rfind(sub, 0, 30), s.count(sub, 10, -5), sub in s)
print(s.startswith("the"), s.startswith("quick", 4), s.startswith(("a", "t")), s.endswith("end"),
      s.endswith("the", 0, 3), s.endswith(("x", "d")), s.startswith(""), s.startswith("the", 100))
print(s.index("quick"), s.rindex("the"), "aaaa".count("aa"), "ababab".count("aba"), "".count(""), "abc".count(""))
print("héllo wörld".find("ö"), "日本語日本".rfind("日本"), "🐍a🐍".count("🐍"), "a🐍b".rindex("b"))
for bad in [lambda: s.index("cat"), lambda: s.rindex("zzz"), lambda: s.find(5), lambda: s.startswith(["t"])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(s.find("o", -10), s.find("o", -3), s.rfind("e", -100, -50), s.find("the", 40, 30))
