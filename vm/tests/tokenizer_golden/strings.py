s1 = 'single' "double" '''triple single''' """triple double"""
s2 = r'raw\n' R"raw\d"; b2 = b'bytes' B"BYTES" br'rawbytes' Rb"x" bR'y' BR"z" rb'a' rB"b" Rb'c'
s3 = u'unicode' U"UNICODE"
s4 = 'it\'s' "say \"hi\"" 'back\\slash' '\x41\u0042\N{LATIN SMALL LETTER C}'
s5 = 'line\
continued'
s6 = """multi
line with 'quotes' and "quotes" and \"\"\" escaped
"""
s7 = ('implicit'
      "concatenation"
      f"with {s1}")
s8 = '' "" '''''' """"""
s9 = '''a''b''' """a""b"""
