for v in [0, 5, -5, 123456, -123]:
    print(str(v).zfill(6), f"{v:06d}", f"{v:+06d}", "%06d" % v, format(v, "0=6"))
print("3.14".zfill(8), "-3.14".zfill(8), "1e5".zfill(6))
print("{:>08.3f}".format(-3.14159), "{:<08.3f}".format(3.14159), "{:^08.1f}".format(2.5))
