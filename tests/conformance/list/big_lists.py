# Larger list workloads: building, summing, sieve, reversing.
n = 50000
squares = [i * i for i in range(n)]
print(len(squares), squares[-1], sum(squares) % 1000007)
sieve = [True] * 10001
sieve[0] = sieve[1] = False
for i in range(2, 101):
    if sieve[i]:
        for j in range(i * i, 10001, i):
            sieve[j] = False
primes = [i for i, p in enumerate(sieve) if p]
print(len(primes), primes[:10], primes[-5:])
lst = list(range(1000))
lst.reverse()
print(lst[:5], lst.index(0), lst[500])
chunks = [lst[i:i + 100] for i in range(0, 1000, 100)]
print(len(chunks), [c[0] for c in chunks])
acc = []
for i in range(1000):
    acc.insert(0, i)
print(acc[:3], acc[-3:], len(acc))
