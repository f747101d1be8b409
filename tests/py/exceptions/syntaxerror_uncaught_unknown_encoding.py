# -*- coding: xyz -*-
print("never printed")
