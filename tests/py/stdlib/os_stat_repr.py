# os.stat_result's repr labels its items as CPython does.
import os
import re

st = os.stat('/')
text = repr(st)
print(re.sub(r'=\d+', '=N', text))
print(len(st), st[7] == int(st.st_atime), st[8] == int(st.st_mtime), type(st[9]).__name__)
print(type(st.st_atime).__name__, st.st_mtime_ns // 10**9 == st[8])
s = os.stat_result(range(10))
print(repr(s), s.st_atime, s.st_mtime, s.st_ctime, s.st_atime_ns)
s = os.stat_result(range(13))
print(repr(s), s.st_atime, s.st_mtime, s.st_ctime)
print(os.stat_result.n_sequence_fields, os.stat_result.n_fields, os.stat_result.n_unnamed_fields)
