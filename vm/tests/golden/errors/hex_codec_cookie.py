#coding:hex_codec
print('eggs')
