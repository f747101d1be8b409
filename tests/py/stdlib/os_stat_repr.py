# os.stat_result's repr labels its items as CPython does.
import os
import re

st = os.stat('/')
text = repr(st)
print(re.sub(r'=\d+', '=N', text))
print(len(st), st[7] == int(st.st_atime), st[8] == int(st.st_mtime), type(st[9]).__name__)
print(type(st.st_atime).__name__, st.st_mtime_ns // 10**9 == st[8])
