# Micro kernel: string building - concatenation, f-strings, join, str methods.
N = 20_000


def main(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    parts = [f"{i}:{i * i}" for i in range(n)]
    joined = ",".join(parts)
    upper = joined.replace("1", "one").upper()
    return len(s), len(joined), upper.count("ONE"), hash(s[:50]) == hash(s[:50])


print("string_build", main(N))
