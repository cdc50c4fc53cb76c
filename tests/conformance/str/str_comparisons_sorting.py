# String ordering by code point, case-insensitive sorting, natural sort keys, and comparison chains.
words = ["apple", "Apple", "APPLE", "banana", "Banana", "ápple", "apple2", "apple10", "apple1"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (w.lower(), w)))
def natural(s):
    out, num = [], ""
    for ch in s + "\0":
        if ch.isdigit():
            num += ch
        else:
            if num:
                out.append((1, int(num)))
                num = ""
            if ch != "\0":
                out.append((0, ch))
    return out
print(sorted(["file10.txt", "file2.txt", "file1.txt", "file20.txt", "file3.txt"], key=natural))
print("a" < "b" < "c", "abc" < "abd", "Z" < "a", "" < " ", "a" * 3 < "a" * 4, chr(0x10000) > chr(0xFFFF), "é" > "f")
print(min(words), max(words), sorted(set(w.lower() for w in words)))
