# Building large strings: join vs concatenation results, repeated formatting, and big splits.
parts = [str(i) for i in range(20000)]
joined = ",".join(parts)
concat = ""
for p in parts[:2000]:
    concat += p + ","
print(len(joined), joined[:30], joined[-20:], concat.count(","), len(concat))
back = joined.split(",")
print(len(back), back == parts, sum(map(int, back)))
lines = "\n".join(f"{i:05d}:{i * i:>10}" for i in range(3000))
print(len(lines), lines.splitlines()[1234], lines.count("\n"))
s = "abc" * 100000
print(len(s), s.count("ca"), s.find("cab", 1000), s.replace("b", "").count("a"), s[-5:], s.upper()[:6])
