# Translation tables for ciphers: rot13, caesar shifts and character removal via str.translate.
import string
def caesar(text, k):
    lower = string.ascii_lowercase
    upper = string.ascii_uppercase
    table = str.maketrans(lower + upper, lower[k:] + lower[:k] + upper[k:] + upper[:k])
    return text.translate(table)
msg = "Hello, World! Attack at dawn."
for k in (1, 3, 13, 25):
    enc = caesar(msg, k)
    print(k, enc, caesar(enc, 26 - k) == msg)
strip_punct = str.maketrans("", "", string.punctuation)
print(msg.translate(strip_punct), msg.translate({ord(c): None for c in "aeiou"}))
leet = str.maketrans({"a": "4", "e": "3", "l": "1", "o": "0", "t": "7"})
print("leet speak is totally elite".translate(leet))
counts = {c: msg.lower().count(c) for c in sorted(set(msg.lower())) if c.isalpha()}
print(counts)
