# Conditional expressions, chained comparisons, is/in operators, boolean operator results.
for x in [-5, 0, 5, 50]:
    label = "negative" if x < 0 else "zero" if x == 0 else "small" if x < 10 else "large"
    print(x, label, 0 <= x < 10, -10 < x <= 5, x == 5 == 5.0)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, 1 in a, 3 not in a, [1] in [[1], [2]])
print(1 < 2 > 1.5, 1 < 3 < 2, "a" < "b" < "c" != "d", (1 < 2) < 3)
def side(v, log):
    log.append(v)
    return v
log = []
res = side(1, log) < side(2, log) < side(0, log) < side(5, log)
print(res, log)
print(0 or "", "" or 0, [] or {} or "last", 1 and [] and 2, "x" and "y", not 0 and 5)
if []:
    print("no")
elif {}:
    print("no")
elif "text":
    print("elif branch taken")
else:
    print("no")
print(-3 ** 2, (-3) ** 2, not True == False, ~0 + 1, 2 * 3 % 4, 7 // 2 * 2, 2 ** -1)
print(True + True * 3, 10 - 2 - 3, 2 ** 3 ** 2, (1, 2) + (3,) * 2, "ab" "cd" * 2)
