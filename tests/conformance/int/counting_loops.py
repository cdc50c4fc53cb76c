# Long integer loops (checks the arithmetic fast paths stay exact).
total = 0
for i in range(100000):
    total += i * i % 7
print(total)
acc = 1
for i in range(1, 200):
    acc = (acc * 31 + i) % 1000000007
print(acc)
x = 0
i = 0
while i < 50000:
    x ^= i << (i % 13)
    i += 1
print(x)
fib_a, fib_b = 0, 1
for _ in range(150):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(fib_a)
s = 0
for k in range(-500, 500, 3):
    s += k // 7 - k % 7
print(s)
collatz_max = 0
for n in range(1, 3000):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    collatz_max = max(collatz_max, steps)
print(collatz_max)
