# A text analysis report: word frequencies, n-grams, sentence stats and a histogram, all deterministic.
from collections import Counter
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of
foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, it was
the season of Darkness, it was the spring of hope, it was the winter of despair. We had everything before us,
we had nothing before us; we were all going direct to Heaven, we were all going direct the other way."""
words = ["".join(c for c in w.lower() if c.isalpha()) for w in TEXT.split()]
words = [w for w in words if w]
freq = Counter(words)
print(len(words), len(freq))
for word, count in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:10]:
    print(f"{word:<10} {count:>3} {'#' * count}")
bigrams = Counter(zip(words, words[1:]))
print(sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
sentences = [s.strip() for s in TEXT.replace(";", ".").split(".") if s.strip()]
print(len(sentences), [len(s.split()) for s in sentences])
lengths = Counter(len(w) for w in words)
for n in sorted(lengths):
    print(f"{n:>2} letters: {lengths[n]:>3}")
print(max(words, key=len), sum(map(len, words)) / len(words))
