# Digits of pi (spigot, big ints) and e (series), checked against known prefixes.
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out
digits = pi_digits(300)
text = str(digits[0]) + "." + "".join(map(str, digits[1:]))
for i in range(0, len(text), 60):
    print(text[i:i + 60])
print(text.startswith("3.14159265358979323846"))
def e_digits(n):
    scale = 10 ** (n + 10)
    total, term, k = 0, scale, 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10**10)
e = e_digits(200)
print(e[0] + "." + e[1:])
print(sum(map(int, text[2:])), {d: text.count(d) for d in "0123456789"})
