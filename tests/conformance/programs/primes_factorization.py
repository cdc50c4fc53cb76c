# Prime sieve, trial-division factorization, perfect numbers and a Miller-Rabin check.
def sieve(n):
    is_p = bytearray([1]) * (n + 1)
    is_p[0:2] = b"\x00\x00"
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = bytes(len(range(i * i, n + 1, i)))
    return [i for i in range(n + 1) if is_p[i]]
primes = sieve(100000)
print(len(primes), primes[:12], primes[-3:])
def factor(n):
    out = []
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            out.append(p)
            n //= p
    if n > 1:
        out.append(n)
    return out
for n in [2, 97, 360, 1001, 65536, 999999, 600851475143, 2**61 - 1]:
    print(n, factor(n))
def divisor_sum(n):
    total = 1
    for p in set(factor(n)):
        e = factor(n).count(p)
        total *= (p ** (e + 1) - 1) // (p - 1)
    return total - n
print([n for n in range(2, 10000) if divisor_sum(n) == n])
def miller_rabin(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True
print([miller_rabin(n) for n in [2**61 - 1, 2**89 - 1, 2**67 - 1, 10**18 + 9, 561, 1105]])
twins = [(p, p + 2) for p, q in zip(primes, primes[1:]) if q == p + 2]
print(len(twins), twins[:5], twins[-1])
