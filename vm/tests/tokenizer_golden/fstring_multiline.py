x = 1
y = f"""
    first line {x}
    {
        x  # a comment inside the field
        + 2
    }
    last {x
          * 3} end
"""
z = f"{x
+ 1}"
w = f'''{x:
>10}'''
v = f"""{x:abc
}"""
