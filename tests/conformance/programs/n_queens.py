# N-queens: count all solutions for n = 1..8 and print the first solution for n = 6.
def solve(n):
    cols, d1, d2 = set(), set(), set()
    placement = []
    solutions = []
    def place(r):
        if r == n:
            solutions.append(placement[:])
            return
        for c in range(n):
            if c in cols or (r - c) in d1 or (r + c) in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); placement.append(c)
            place(r + 1)
            cols.discard(c); d1.discard(r - c); d2.discard(r + c); placement.pop()
    place(0)
    return solutions
for n in range(1, 9):
    print(n, len(solve(n)))
first = solve(6)[0]
for c in first:
    print(" ".join("Q" if i == c else "." for i in range(6)))
