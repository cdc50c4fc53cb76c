# Word puzzles: anagram groups, palindromes, word ladders (BFS), and letter statistics.
from collections import defaultdict, deque
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog", "god", "level", "rotor",
         "racecar", "stats", "python", "typhon"]
groups = defaultdict(list)
for w in words:
    groups["".join(sorted(w))].append(w)
print(sorted(sorted(g) for g in groups.values() if len(g) > 1))
print([w for w in words if w == w[::-1]])
dictionary = {"cold", "cord", "card", "ward", "warm", "word", "worm", "corm", "wore", "core", "care", "wart"}
def ladder(start, end):
    queue = deque([[start]])
    seen = {start}
    while queue:
        path = queue.popleft()
        if path[-1] == end:
            return path
        for i in range(len(start)):
            for c in "abcdefghijklmnopqrstuvwxyz":
                nxt = path[-1][:i] + c + path[-1][i + 1:]
                if nxt in dictionary and nxt not in seen:
                    seen.add(nxt)
                    queue.append(path + [nxt])
    return None
print(ladder("cold", "warm"), ladder("cold", "xxxx"))
letters = defaultdict(int)
for w in words:
    for ch in w:
        letters[ch] += 1
print(sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:8])
print(max(words, key=lambda w: (len(set(w)), w)), sorted(words, key=lambda w: (len(w), w))[:5])
