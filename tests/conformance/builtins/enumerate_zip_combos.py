# enumerate/zip/reversed/sorted combinations used in real code; unzip and transposition idioms.
names = ["ann", "bob", "cyd"]
scores = [88, 95, 70]
for rank, (name, score) in enumerate(sorted(zip(names, scores), key=lambda p: -p[1]), 1):
    print(rank, name, score)
for i, (a, b) in enumerate(zip(names, reversed(names))):
    print(i, a, b)
pairs = list(zip(names, scores))
unzipped = list(zip(*pairs))
print(pairs, unzipped, dict(pairs), list(map(list, zip(*[[1, 2, 3], [4, 5, 6]]))))
print(list(enumerate(zip("ab", "cd"), start=10)), list(zip(range(3), enumerate("xyz"))))
print([(i, c) for i, c in enumerate("hello") if c == "l"], max(enumerate(scores), key=lambda p: p[1]))
cols = list(zip(*[row.split(",") for row in ["a,1,x", "b,2,y", "c,3,z"]]))
print(cols, len(cols))
