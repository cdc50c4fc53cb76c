# Recursive algorithms: permutations, power set, quicksort, merge sort, tree depth, memo via dict.
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            out.append([x] + rest)
    return out
print(permutations([1, 2, 3]), len(permutations(list(range(6)))))
def powerset(items):
    if not items:
        return [[]]
    rest = powerset(items[1:])
    return rest + [[items[0]] + r for r in rest]
print(sorted(powerset([1, 2, 3])))
def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot, *rest = xs
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])
def mergesort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a, b = mergesort(xs[:mid]), mergesort(xs[mid:])
    out = []
    while a and b:
        out.append((a if a[0] <= b[0] else b).pop(0))
    return out + a + b
data = [(i * 7919) % 101 for i in range(60)]
print(quicksort(data)[:15], mergesort(data) == sorted(data), quicksort([]) == [])
def depth(tree):
    return 1 + max((depth(c) for c in tree.get("children", [])), default=0)
tree = {"children": [{"children": [{}, {"children": [{}]}]}, {}]}
print(depth(tree))
memo = {}
def partitions(n, k=None):
    k = n if k is None else k
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    if (n, k) not in memo:
        memo[(n, k)] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[(n, k)]
print([partitions(n) for n in range(15)], partitions(100))
