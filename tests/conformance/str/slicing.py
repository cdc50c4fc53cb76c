# Every combination of slice bounds and steps on a short string.
s = "abcdefgh"
for start in [None, 0, 2, -3, 10, -10]:
    for stop in [None, 5, -1, 0, 20]:
        print(start, stop, [s[start:stop:step] for step in [None, 1, 2, -1, -2, 3]])
print(s[slice(1, 6, 2)], s[slice(None, None, -3)], s[len(s):], s[:0])
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s[8]
except IndexError as e:
    print("IndexError:", e)
try:
    s["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
