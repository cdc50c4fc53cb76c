assertion is always true
