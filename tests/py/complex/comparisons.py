print(1 + 0j == 1, 1j == 1j, 1j != 2j, 0j == 0, 0j == False)
print(complex(1, 0) in [1], {1j: "a"}[1j], len({1, 1 + 0j, 1.0}))
print(sorted([3 + 1j, 1 + 5j, 2 + 0j], key=abs), sorted([1j, 2, -3], key=lambda z: (z.real, z.imag) if isinstance(z, complex) else (z, 0)))
for op in ("<", ">=", "<=", ">"):
    try:
        eval(f"1j {op} 2j")
    except TypeError as e:
        print(e)
