# A backtracking matcher for a regex subset: literals, '.', '*', '+', '?', '^', '$' and character classes.
def parse(pattern):
    items, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "[":
            j = pattern.index("]", i)
            body = pattern[i + 1:j]
            neg = body.startswith("^")
            body = body[1:] if neg else body
            chars = set()
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == "-":
                    chars.update(chr(c) for c in range(ord(body[k]), ord(body[k + 2]) + 1))
                    k += 3
                else:
                    chars.add(body[k])
                    k += 1
            atom = ("class", frozenset(chars), neg)
            i = j + 1
        elif ch == "\\":
            atom = ("lit", pattern[i + 1])
            i += 2
        else:
            atom = ("any",) if ch == "." else ("lit", ch)
            i += 1
        if i < len(pattern) and pattern[i] in "*+?":
            items.append((pattern[i], atom))
            i += 1
        else:
            items.append(("1", atom))
    return items
def atom_ok(atom, ch):
    if atom[0] == "any":
        return True
    if atom[0] == "lit":
        return atom[1] == ch
    return (ch in atom[1]) != atom[2]
def match_here(items, text, pos, anchored_end):
    if not items:
        return not anchored_end or pos == len(text)
    (q, atom), rest = items[0], items[1:]
    lo, hi = {"1": (1, 1), "?": (0, 1), "*": (0, None), "+": (1, None)}[q]
    n = 0
    while (hi is None or n < hi) and pos + n < len(text) and atom_ok(atom, text[pos + n]):
        n += 1
    for k in range(n, lo - 1, -1):
        if match_here(rest, text, pos + k, anchored_end):
            return True
    return False
def search(pattern, text):
    start_anchor = pattern.startswith("^")
    end_anchor = pattern.endswith("$") and not pattern.endswith("\\$")
    core = pattern[1 if start_anchor else 0:len(pattern) - (1 if end_anchor else 0)]
    items = parse(core)
    starts = [0] if start_anchor else range(len(text) + 1)
    return any(match_here(items, text, s, end_anchor) for s in starts)
cases = [("abc", "xxabcxx"), ("^abc", "xxabc"), ("abc$", "xxabc"), ("a.c", "abc"), ("a*b", "b"), ("a+b", "b"),
         ("colou?r", "color"), ("colou?r", "colour"), ("^[a-z]+@[a-z]+\\.com$", "bob@mail.com"),
         ("^[a-z]+@[a-z]+\\.com$", "Bob@mail.com"), ("[^0-9]+", "123"), ("^[0-9]+$", "2024"), ("x.*y.*z", "xaaybbz"),
         ("^$", ""), ("^a*$", "aaab"), ("\\$5", "costs $5")]
for pat, text in cases:
    print(f"{pat!r:<26} {text!r:<16} {search(pat, text)}")
