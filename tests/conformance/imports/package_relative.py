# Packages, subpackages and relative imports.
import os
import shop
print(shop.VERSION, shop.Product("tea", 350), shop.__name__, shop.__package__)
print(os.path.basename(os.path.dirname(shop.__file__)), [os.path.basename(p) for p in shop.__path__])
from shop.utils import money
from shop.utils.money import format_price, CURRENCY
print(format_price(1999), CURRENCY, money.__name__, money.__package__)
import shop.models
print(shop.models.make("cake", 425), shop.models.HELPER_CONSTANT, hasattr(shop, "models"), hasattr(shop.utils, "money"))
import shop.utils.text as t
print(t.pad("x", 4), t.__name__)
try:
    t.beyond()
except ImportError as e:
    print("ImportError:", e)
