retrun 1
