# Comparisons between ints of all sizes, chained comparisons, and with floats.
vals = [-(2**70), -5, -1, 0, 1, 5, 2**63 - 1, 2**63, 2**70]
for a in vals:
    print(a, [a < b for b in vals], [a == b for b in vals])
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 == 1.0)
print(1 == 1.0, 2**53 + 1 == float(2**53 + 1), 2**53 == float(2**53))
print(10**20 < 1e20 * 1.0000001, 10**400 > 1e308, -(10**400) < -1e308)
print(1 < float("inf"), 10**1000 < float("inf"), -(10**1000) > float("-inf"))
print(0 == -0, 0 == 0.0, 0 == -0.0)
print(max(3, 10**30, -4), min(3, 10**30, -4))
print(sorted([5, 2**64, -3, 0, -(2**64), 7]))
print(True == 1, False == 0, True + True)
print(5 != 5.0, 5 != 5.5)
