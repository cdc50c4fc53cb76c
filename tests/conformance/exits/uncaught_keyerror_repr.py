# KeyError messages use repr of the key.
inventory = {"apples": 3, "pears": 0}
for fruit in ["apples", "pears"]:
    print(fruit, inventory[fruit])
print(inventory["kiwis"])
