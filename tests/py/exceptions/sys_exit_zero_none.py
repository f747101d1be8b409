import sys
print("clean exit")
sys.exit(None)
