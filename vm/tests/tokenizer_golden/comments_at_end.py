def f():
    if x:
        return 1
    # trailing comment
        # deeper comment

   
