# Column offsets in the line table count UTF-8 bytes.
café = "ünïcödé"
naïve = café + "€" * 2
日本 = 日本語 = len("日本語テキスト")
emoji = "😀"; x = emoji + café
def fünction(ärg):
    return ärg.ùpper()
print(café, naïve, 日本, emoji, fünction("ä"))
