# syslog: the constants, masks (setlogmask(0) only reads the mask), logging
# calls that succeed (with an explicit openlog, the implicit one, and after
# closelog), and CPython's errors for bad arguments.
import syslog

print(sorted(n for n in dir(syslog) if not n.startswith("_")))
print({n: getattr(syslog, n) for n in dir(syslog) if n.isupper() and not callable(getattr(syslog, n))})
print(syslog.LOG_MASK(3), syslog.LOG_UPTO(3), syslog.LOG_UPTO(syslog.LOG_DEBUG))
old = syslog.setlogmask(0)
print(old, syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_ERR)), syslog.setlogmask(0))
syslog.setlogmask(old)
# LOG_UPTO(LOG_ERR) above filtered nothing we send; messages below go to the
# system logger if there is one, and are dropped silently if not.
print(syslog.syslog("implicit openlog"))
print(syslog.openlog("ftpy-test", syslog.LOG_PID, syslog.LOG_LOCAL0))
print(syslog.syslog(syslog.LOG_DEBUG, "with priority"))
print(syslog.openlog(ident="again", logoption=0, facility=syslog.LOG_USER))
print(syslog.closelog(), syslog.closelog())
print(syslog.syslog(syslog.LOG_INFO, "after closelog"))
nul = "a\x00b"
calls = [
    lambda: syslog.syslog(), lambda: syslog.syslog(1, 2, 3), lambda: syslog.syslog(5),
    lambda: syslog.syslog("a", "b"), lambda: syslog.openlog(5),
    lambda: syslog.openlog(ident="x", logoption="a"), lambda: syslog.setlogmask("a"),
    lambda: syslog.LOG_MASK("a"), lambda: syslog.syslog(nul), lambda: syslog.openlog(nul),
    lambda: syslog.syslog(priority=1),
]
for c in calls:
    try:
        print("ok", c())
    except Exception as e:
        print(type(e).__name__, e)
syslog.closelog()
