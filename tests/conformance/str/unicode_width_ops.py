# Operations that must respect code points across widths (latin-1, BMP, astral).
parts = ["ascii", "latïn", "ελληνικά", "日本語", "emoji🐍🎉"]
for p in parts:
    print(p, len(p), p.upper(), p[::-1], p[1:-1], p.encode("utf-8"), len(p.encode("utf-8")))
joined = "|".join(parts)
print(joined, len(joined), joined.split("|") == parts, joined.index("日"), joined.count("|"))
print(joined.find("🎉"), joined[joined.find("🎉")], joined.rfind("ά"), joined.upper().lower() == joined.lower())
mixed = "a" + "é" + "日" + "🐍"
print([mixed[i:] for i in range(5)], mixed * 2, mixed.center(10, "·"), mixed.zfill(6))
print(sorted(set("日本日本")), "".join(sorted("🐍a日é")), max(parts, key=len))
