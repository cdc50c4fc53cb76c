# Hand-written CSV parsing (quotes, escaped quotes, commas) and a grouped sales report.
RAW = '''region,product,units,price,note
north,widget,10,2.50,
south,widget,4,2.50,"rush order"
north,gadget,3,10.00,"contains, comma"
east,widget,7,2.40,"said ""hello"""
south,gizmo,12,1.25,
north,widget,1,2.50,last
east,gizmo,5,1.30,
'''
def parse_line(line):
    fields, cur, quoted, i = [], "", False, 0
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"':
                if i + 1 < len(line) and line[i + 1] == '"':
                    cur += '"'
                    i += 1
                else:
                    quoted = False
            else:
                cur += ch
        elif ch == '"':
            quoted = True
        elif ch == ",":
            fields.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    fields.append(cur)
    return fields
lines = RAW.strip("\n").split("\n")
header = parse_line(lines[0])
rows = [dict(zip(header, parse_line(l))) for l in lines[1:]]
for r in rows:
    r["units"] = int(r["units"])
    r["price"] = float(r["price"])
print(header)
print([r["note"] for r in rows])
by_region = {}
for r in rows:
    agg = by_region.setdefault(r["region"], {"units": 0, "revenue": 0.0, "products": set()})
    agg["units"] += r["units"]
    agg["revenue"] += r["units"] * r["price"]
    agg["products"].add(r["product"])
print(f"{'region':<8}{'units':>6}{'revenue':>10}  products")
for region in sorted(by_region):
    a = by_region[region]
    print(f"{region:<8}{a['units']:>6}{a['revenue']:>10.2f}  {', '.join(sorted(a['products']))}")
total = sum(a["revenue"] for a in by_region.values())
print(f"{'total':<8}{sum(a['units'] for a in by_region.values()):>6}{total:>10.2f}")
best = max(rows, key=lambda r: r["units"] * r["price"])
print("best line:", best)
