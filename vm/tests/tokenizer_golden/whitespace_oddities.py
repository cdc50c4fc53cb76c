x	=	1 
y =  x	+	x     
z = x  # comment with trailing spaces   
if x:   
	pass	
a = 1 + 2
b = 3

c = 4
