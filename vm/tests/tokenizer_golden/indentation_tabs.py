if True:
	x = 1
	if x:
		y = 2
		# comment
	z = 3

class A:
        pass
    def f(self):
        return 1
