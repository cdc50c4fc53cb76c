print("""
±""")
