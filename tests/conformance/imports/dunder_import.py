# __import__ and its fromlist behaviour; import forms binding names.
m = __import__("shop.utils.money")
print(m.__name__)
m2 = __import__("shop.utils.money", fromlist=["format_price"])
print(m2.__name__, m2.format_price(5))
m3 = __import__("shop", fromlist=["models"])
print(m3.__name__, m3.models.__name__)
def local_import():
    import shop.utils.text
    from shop.utils import text as tx
    return shop.__name__, tx.pad("y", 3), "shop" in locals(), "tx" in locals()
print(local_import())
import shop.utils.text as alias
print(alias.__name__, "alias" in globals())
try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
