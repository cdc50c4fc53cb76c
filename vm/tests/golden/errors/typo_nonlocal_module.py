nonlocall x
