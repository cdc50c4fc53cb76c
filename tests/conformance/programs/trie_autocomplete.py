# A trie with insert, prefix search, deletion and word counts.
class Trie:
    def __init__(self):
        self.root = {}
        self.size = 0
    def insert(self, word):
        node = self.root
        for ch in word:
            node = node.setdefault(ch, {})
        if "$" not in node:
            self.size += 1
        node["$"] = node.get("$", 0) + 1
    def find(self, prefix):
        node = self.root
        for ch in prefix:
            if ch not in node:
                return []
            node = node[ch]
        out = []
        def walk(n, acc):
            for k in sorted(n):
                if k == "$":
                    out.append((acc, n[k]))
                else:
                    walk(n[k], acc + k)
        walk(node, prefix)
        return out
    def delete(self, word):
        path = [self.root]
        for ch in word:
            if ch not in path[-1]:
                return False
            path.append(path[-1][ch])
        if "$" not in path[-1]:
            return False
        del path[-1]["$"]
        for ch, node in zip(reversed(word), reversed(path[:-1])):
            if not node[ch]:
                del node[ch]
        self.size -= 1
        return True
t = Trie()
text = "car card care careful cart carbon cat catalog dog dodge door cart car car"
for w in text.split():
    t.insert(w)
print(t.size, t.find("car"), t.find("ca")[:3], t.find("do"), t.find("x"))
print(t.delete("card"), t.delete("card"), t.delete("zzz"), t.find("car"))
print(t.delete("careful"), t.find("care"), t.size)
