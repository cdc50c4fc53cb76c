data = {
    "a": [1, 2,

          3],  # trailing comment
    # comment line
    "b": (4,
  5,
        6),
}
call(arg1,
     arg2)(
    more)[
        0]
nested = [[[[[(((({{}}))))]]]]]
