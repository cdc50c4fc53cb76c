yeild x
