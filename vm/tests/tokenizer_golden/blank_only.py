

# only comments
   
	
