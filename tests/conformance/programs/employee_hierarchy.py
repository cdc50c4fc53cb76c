# An org chart: recursive reports, salary roll-ups, depth, and a formatted tree.
employees = [
    ("ceo", "Ada", None, 300), ("cto", "Brian", "ceo", 220), ("cfo", "Chen", "ceo", 210),
    ("dev1", "Dana", "cto", 150), ("dev2", "Eli", "cto", 145), ("ops", "Fay", "cto", 130),
    ("acct", "Gus", "cfo", 95), ("intern", "Hal", "dev1", 40), ("audit", "Ivy", "cfo", 110),
]
by_id = {e[0]: e for e in employees}
children = {}
for eid, _, boss, _ in employees:
    children.setdefault(boss, []).append(eid)
def total_cost(eid):
    return by_id[eid][3] + sum(total_cost(c) for c in children.get(eid, []))
def depth(eid):
    boss = by_id[eid][2]
    return 0 if boss is None else 1 + depth(boss)
def tree(eid, prefix="", last=True, out=None):
    out = [] if out is None else out
    name, salary = by_id[eid][1], by_id[eid][3]
    out.append(f"{prefix}{'`-- ' if last else '|-- '}{name} ({eid}, {salary}k, team {total_cost(eid)}k)")
    kids = sorted(children.get(eid, []), key=lambda c: -by_id[c][3])
    for i, c in enumerate(kids):
        tree(c, prefix + ("    " if last else "|   "), i == len(kids) - 1, out)
    return out
print("\n".join(tree("ceo")))
print({e: depth(e) for e in by_id})
deepest = max(by_id, key=depth)
chain = []
e = deepest
while e:
    chain.append(by_id[e][1])
    e = by_id[e][2]
print(" -> ".join(reversed(chain)))
print(sorted(((by_id[b][1], len(c)) for b, c in children.items() if b), key=lambda t: (-t[1], t[0])))
