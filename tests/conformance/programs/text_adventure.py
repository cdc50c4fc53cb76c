# A scripted text adventure: rooms, items, inventory, parser and win condition.
ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "shelves of old books", "exits": {"south": "hall"}, "items": ["key", "book"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": []},
    "cellar": {"desc": "a dark cellar with a locked chest", "exits": {"up": "kitchen"}, "items": []},
}
class Game:
    def __init__(self):
        self.room = "hall"
        self.inventory = []
        self.moves = 0
        self.won = False
    def do(self, line):
        self.moves += 1
        verb, _, obj = line.partition(" ")
        handler = getattr(self, "cmd_" + verb, None)
        if handler is None:
            return f"I don't know how to {verb!r}."
        return handler(obj)
    def cmd_look(self, _):
        r = ROOMS[self.room]
        items = ", ".join(r["items"]) or "nothing"
        return f"You are in {r['desc']}. Exits: {', '.join(sorted(r['exits']))}. You see {items}."
    def cmd_go(self, direction):
        nxt = ROOMS[self.room]["exits"].get(direction)
        if nxt is None:
            return "You can't go that way."
        if nxt == "cellar" and "lamp" not in self.inventory:
            return "It is too dark to go down without a lamp."
        self.room = nxt
        return self.cmd_look("")
    def cmd_take(self, item):
        items = ROOMS[self.room]["items"]
        if item not in items:
            return f"There is no {item} here."
        items.remove(item)
        self.inventory.append(item)
        return f"Taken: {item}."
    def cmd_drop(self, item):
        if item not in self.inventory:
            return f"You don't have {item}."
        self.inventory.remove(item)
        ROOMS[self.room]["items"].append(item)
        return f"Dropped: {item}."
    def cmd_inventory(self, _):
        return "You carry: " + (", ".join(sorted(self.inventory)) or "nothing")
    def cmd_open(self, what):
        if self.room != "cellar" or what != "chest":
            return "Nothing to open."
        if "key" not in self.inventory:
            return "The chest is locked."
        self.won = True
        return "The chest opens: treasure!"
g = Game()
script = ["look", "go west", "take lamp", "go east", "go down", "go up", "go west", "go north", "take key",
          "take sword", "inventory", "dance", "go south", "go east", "go down", "open chest", "drop book"]
for line in script:
    print(f"> {line}\n{g.do(line)}")
    if g.won:
        break
print("won:", g.won, "moves:", g.moves, "inventory:", g.inventory)
