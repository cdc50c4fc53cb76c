# Inventory management with dataclasses, enums, sorting and JSON export.
import json
from dataclasses import dataclass, field, asdict
from enum import Enum
class Category(Enum):
    TOOL = "tool"
    FOOD = "food"
    TOY = "toy"
@dataclass(order=True)
class Item:
    sort_key: tuple = field(init=False, repr=False)
    name: str
    category: Category
    qty: int = 0
    price: float = 0.0
    tags: list = field(default_factory=list)
    def __post_init__(self):
        self.sort_key = (self.category.value, self.name)
    @property
    def value(self):
        return round(self.qty * self.price, 2)
stock = [Item("hammer", Category.TOOL, 5, 12.5, ["steel"]), Item("apple", Category.FOOD, 120, 0.3),
         Item("yo-yo", Category.TOY, 14, 2.25, ["kids", "classic"]), Item("saw", Category.TOOL, 2, 19.99),
         Item("bread", Category.FOOD, 0, 2.1), Item("kite", Category.TOY, 3, 15.0)]
for item in sorted(stock):
    print(f"{item.category.name:<5} {item.name:<8} qty={item.qty:<4} value={item.value:>7.2f} tags={item.tags}")
print("out of stock:", [i.name for i in stock if not i.qty])
totals = {}
for i in stock:
    totals[i.category] = totals.get(i.category, 0) + i.value
for cat, v in sorted(totals.items(), key=lambda kv: -kv[1]):
    print(cat, round(v, 2))
def encode(obj):
    if isinstance(obj, Category):
        return obj.value
    raise TypeError(type(obj).__name__)
exported = json.dumps([{k: v for k, v in asdict(i).items() if k != "sort_key"} for i in stock], default=encode, indent=1)
print(exported[:200])
back = json.loads(exported)
restored = [Item(d["name"], Category(d["category"]), d["qty"], d["price"], d["tags"]) for d in back]
print(restored == stock, restored[2])
