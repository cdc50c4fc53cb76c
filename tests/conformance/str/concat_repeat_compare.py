# Concatenation, repetition, membership and comparison.
a, b = "abc", "abd"
print(a + b, a * 3, 3 * a, a * 0, a * -1, "" * 5, (a + b) * 2)
print(a < b, a > b, a <= "abc", "Z" < "a", "a" < "aa", "" < "a", "é" > "z", "🐍" > "日")
print("bc" in a, "" in a, "x" not in a, a == "abc", a is not None, a != "ABC")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana", "ä", "z"]))
print(max("apple", "pear", "fig"), min(["zeta", "alpha", "Alpha"]))
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
s2 = "x"
s2 *= 4
print(s2)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * "b"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" < 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError:", e)
