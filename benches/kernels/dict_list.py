# Micro kernel: dict and list work - str-keyed dict updates, list append, index, sort, slice.
N = 20_000


def main(n):
    counts = {}
    keys = ["k%d" % (i % 97) for i in range(n)]
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    values = []
    for i in range(n):
        values.append((i * 7919) % 1009)
    values.sort()
    middle = values[n // 4 : 3 * n // 4]
    return len(counts), counts["k5"], sum(middle), values[-1]


print("dict_list", main(N))
