# A word-level Markov chain text generator driven by a seeded random generator.
import random
corpus = """the cat sat on the mat . the dog sat on the log . the cat saw the dog .
the dog saw the cat on the mat . a bird sat on the dog . the bird saw a cat on a log ."""
words = corpus.split()
chain = {}
for a, b, c in zip(words, words[1:], words[2:]):
    chain.setdefault((a, b), []).append(c)
print(len(chain), sorted(chain)[:5])
rng = random.Random(1234)
for n in range(4):
    state = rng.choice(sorted(k for k in chain if k[0] == "the"))
    out = list(state)
    for _ in range(15):
        options = chain.get(state)
        if not options:
            break
        nxt = rng.choice(options)
        out.append(nxt)
        state = (state[1], nxt)
    print(n, " ".join(out))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
