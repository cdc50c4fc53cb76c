ints = [0, 00, 0_0, 7, 123, 1_000_000, 0x_ff, 0XAB, 0o17, 0O_7, 0b1010, 0B_1, 0x1_F]
floats = [1., .5, 1.5, 1e10, 1E-5, 1e+5, 1_0.0_1e1_0, 0.0, 09.5, 0e0, 00.5, 1_2.3_4]
imag = [1j, 1.5J, 0j, 00.5e3j, 1e5j, .5j, 5.j]
mixed = 1 + 2 - 3 * 4 / 5 // 6 % 7 ** 8
attr = (1).real, 1 .real, 1.0.real, 1j.imag, 0x10.real
cond = 1 if 0 else 2
