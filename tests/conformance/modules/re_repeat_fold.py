# re: one-character repeats (greedy, lazy, bounded, possessive) with backtracking into
# them, searches that skip impossible start positions, and case-insensitive matching of
# the characters whose case folding is irregular (İ, ı, ſ, K KELVIN SIGN), over a generated
# matrix of patterns and texts.
import re

print(re.search("a.*b", "xaabzzbq").span(), re.search("a.*?b", "aXbYb").span())
print(re.findall(r"\w+", "ab cd_e  f1"), re.sub(r"\s*", "-", "a b  c"))
print(re.search("a.{1,2}?c", "abbbc"), re.search("a.{1,3}?c", "abbbc").span())
print(re.search("(?>a*)a", "aaa"), re.search("a*+b", "aab").span())
print(re.search("[xy]z", "aaayz").span(), re.search("x*", "abc").span())
print(re.findall("(?i)i", "iIİı"), re.findall("(?i)[k-s]+", "ſsKK1kS"))
print(re.findall("(?i)s", "sSſ"), re.findall("(?i)k", "kKK"), re.findall("(?ai)k", "kKK"))
print(len(re.findall("a*$", "a" * 100000)))

state = 2024
def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return state % n

atoms = ["a", "b", ".", "[ab]", "[^a]", r"\w", r"\d", r"\s", "k", "s", "i", "é", "[k-s]",
         "(a|b)", "(?:ab)", r"\b", "$", "^", "(?=a)", "(?!b)", "(?<=a)", "(?>a+)"]
quants = ["", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,3}", "{0,2}?", "{2,}", "*+"]
chars = "aAbkK\u212asS\u017f\u0130i\u0131\u00e9\u00c9 1\n"
flag_sets = [0, re.I, re.I | re.A, re.S, re.M]
for _ in range(600):
    pattern = "".join(atoms[rand(len(atoms))] + quants[rand(len(quants))]
                      for _ in range(1 + rand(4)))
    flags = flag_sets[rand(len(flag_sets))]
    text = "".join(chars[rand(len(chars))] for _ in range(rand(14)))
    try:
        r = re.compile(pattern, flags)
    except re.error as e:
        print(repr(pattern), "error", e)
        continue
    m = r.search(text)
    print(repr(pattern), flags, repr(text), m and (m.span(), m.groups()),
          r.findall(text), r.sub("-", text), bool(r.fullmatch(text)))
