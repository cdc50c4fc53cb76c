# Greedy word wrapping, full justification and centered titles, all by hand.
TEXT = ("Python is a programming language that lets you work quickly and integrate systems more effectively. "
        "It is easy to learn, yet powerful enough for large applications; its standard library is extensive, "
        "and its community is welcoming. Beautiful is better than ugly. Explicit is better than implicit.")
def wrap(text, width):
    lines, cur = [], []
    for word in text.split():
        if cur and len(" ".join(cur + [word])) > width:
            lines.append(cur)
            cur = []
        cur.append(word)
    if cur:
        lines.append(cur)
    return lines
def justify(words, width):
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(map(len, words))
    base, extra = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (base + (1 if i < extra else 0))
    return out + words[-1]
for width in (30, 45):
    lines = wrap(TEXT, width)
    print(("[ width %d ]" % width).center(width, "="))
    for i, words in enumerate(lines):
        line = " ".join(words).ljust(width) if i == len(lines) - 1 else justify(words, width)
        print("|" + line + "|")
print(max(len(w) for w in TEXT.split()), len(TEXT.split()), len(set(w.strip(".,;").lower() for w in TEXT.split())))
