# The concurrent package (ftpy): see concurrent.futures.
