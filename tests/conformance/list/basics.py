# list creation, indexing, mutation and common methods.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[::-2], a.index(1), a.count(1), 5 in a, 7 not in a)
a.append(5)
a.extend([3, 5])
a.insert(0, 0)
a.insert(100, 100)
a.insert(-1, -1)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a)
a.reverse()
print(a)
b = a.copy()
b.clear()
print(a, b, a + [0], [0] * 3, a * 0, [[]] * 2)
a[1] = "x"
a[-1] = "y"
print(a)
del a[0]
del a[-2:]
print(a, a.index(5, 2), a.index(5, 3) if a.count(5) > 1 else "one five")
c = [1, 2]
c += [3]
c += (4, 5)
c += "ab"
c *= 2
print(c)
print(list(), list("abc"), list(range(3)), list((1, 2)), list({"k": 1}), list(x * 2 for x in range(3)))
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9], [1, [2]] == [1, [2]])
