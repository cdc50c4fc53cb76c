# for/while with else, break, continue, nested loops and loop variables after the loop.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
i = 0
while i < 3:
    i += 1
else:
    print("while finished normally", i)
while True:
    i -= 1
    if i == 0:
        break
else:
    print("not printed")
for k in []:
    pass
else:
    print("empty for still runs else")
for idx in range(3):
    pass
print("idx after loop", idx)
out = []
for a in range(4):
    if a == 1:
        continue
    for b in range(4):
        if b > a:
            break
        out.append((a, b))
print(out)
count = 0
while count < 10:
    count += 1
    if count % 2:
        continue
    if count == 8:
        break
print("count", count)
for ch in "abc":
    for n in range(2):
        if ch == "b":
            break
    else:
        continue
    print("broke out at", ch)
    break
