# A shopping cart with pricing rules (bulk, bundle, coupon), receipts with aligned columns and rounding.
from dataclasses import dataclass
@dataclass
class Line:
    sku: str
    name: str
    unit_cents: int
    qty: int
PRICES = {"APL": ("apple", 45), "BAN": ("banana", 25), "MLK": ("milk 1L", 129), "BRD": ("bread", 249), "CHS": ("cheese", 499)}
def build(items):
    cart = {}
    for sku in items:
        name, price = PRICES[sku]
        cart.setdefault(sku, Line(sku, name, price, 0)).qty += 1
    return list(cart.values())
def discounts(lines, coupon=None):
    out = []
    by = {l.sku: l for l in lines}
    if "APL" in by and by["APL"].qty >= 6:
        out.append(("6+ apples: 10% off apples", -(by["APL"].qty * by["APL"].unit_cents) // 10))
    if "BRD" in by and "CHS" in by:
        pairs = min(by["BRD"].qty, by["CHS"].qty)
        out.append((f"bread+cheese bundle x{pairs}", -100 * pairs))
    subtotal = sum(l.qty * l.unit_cents for l in lines) + sum(d for _, d in out)
    if coupon == "SAVE5" and subtotal >= 1000:
        out.append(("coupon SAVE5", -500))
    elif coupon:
        out.append((f"coupon {coupon} not applicable", 0))
    return out
def receipt(items, coupon=None):
    lines = build(items)
    rows = [(f"{l.name} x{l.qty}", l.qty * l.unit_cents) for l in sorted(lines, key=lambda l: l.name)]
    rows += discounts(lines, coupon)
    total = sum(c for _, c in rows)
    width = max(len(r[0]) for r in rows) + 2
    out = [f"{label:<{width}}{cents / 100:>8.2f}" for label, cents in rows]
    out.append("-" * (width + 8))
    out.append(f"{'TOTAL':<{width}}{total / 100:>8.2f}")
    return "\n".join(out)
print(receipt(["APL"] * 7 + ["MLK", "BRD", "CHS", "CHS"], coupon="SAVE5"))
print()
print(receipt(["BAN", "BAN", "MLK"], coupon="SAVE5"))
print()
print(receipt(["BRD", "BRD", "CHS"], coupon="BOGUS"))
