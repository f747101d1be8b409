# A network-inventory tool: ipaddress networks and subnets, socket helpers
# that need no network, mimetypes, netrc parsing, email address parsing.
import ipaddress
import socket
import mimetypes
import netrc
import os
import tempfile
from email.utils import parseaddr, formataddr, getaddresses, parsedate_to_datetime, format_datetime, make_msgid
from email.headerregistry import Address
import datetime

nets = ["10.0.0.0/8", "192.168.1.0/24", "172.16.4.0/22", "2001:db8::/32", "fe80::/10", "0.0.0.0/0"]
for n in nets:
    net = ipaddress.ip_network(n)
    print(net, net.version, net.num_addresses, net.netmask, net.hostmask, net.is_private, net.prefixlen,
          net.network_address, net.broadcast_address if net.version == 4 else "-")
net = ipaddress.ip_network("192.168.1.0/24")
print(list(net.subnets(prefixlen_diff=2)), list(net.subnets(new_prefix=26))[1], net.supernet(new_prefix=16))
print(list(ipaddress.ip_network("10.0.0.0/30").hosts()), list(ipaddress.ip_network("10.0.0.0/31").hosts()))
addrs = ["192.168.1.10", "10.1.2.3", "8.8.8.8", "127.0.0.1", "169.254.1.1", "224.0.0.1", "::1", "2001:db8::1",
         "::ffff:192.0.2.1"]
for a in addrs:
    ip = ipaddress.ip_address(a)
    print(a, repr(ip), ip.is_private, ip.is_global, ip.is_loopback, ip.is_link_local, ip.is_multicast,
          ip in net, int(ip) % 100000, ip.reverse_pointer[:30])
print(ipaddress.ip_address("::ffff:192.0.2.1").ipv4_mapped, ipaddress.IPv6Address("2001:db8::1").exploded,
      ipaddress.IPv6Address("2001:0db8:0000::0001").compressed, ipaddress.ip_address("fe80::1%eth0").scope_id)
print(ipaddress.ip_address("10.0.0.1") + 255, ipaddress.ip_address("10.0.0.1") < ipaddress.ip_address("10.0.0.2"),
      ipaddress.IPv4Address(3232235777), ipaddress.IPv4Address(b"\x7f\x00\x00\x01"), ipaddress.ip_address(1).packed)
iface = ipaddress.ip_interface("192.168.1.77/24")
print(iface, iface.ip, iface.network, iface.with_netmask, iface.with_hostmask, iface.with_prefixlen)
print(list(ipaddress.collapse_addresses([ipaddress.ip_network(x) for x in ["10.0.0.0/25", "10.0.0.128/25", "10.0.1.0/24"]])))
print(list(ipaddress.summarize_address_range(ipaddress.ip_address("10.0.0.5"), ipaddress.ip_address("10.0.0.20"))))
print(list(ipaddress.ip_network("10.0.0.0/24").address_exclude(ipaddress.ip_network("10.0.0.64/26"))))
print(ipaddress.ip_network("10.0.0.0/24").overlaps(ipaddress.ip_network("10.0.0.128/25")),
      ipaddress.ip_network("10.0.0.0/25").subnet_of(ipaddress.ip_network("10.0.0.0/24")),
      sorted([ipaddress.ip_network("10.0.1.0/24"), ipaddress.ip_network("10.0.0.0/24")]))
for bad in ["300.1.1.1", "1.2.3", "10.0.0.1/24", "::g", "1.2.3.04", "", "10.0.0.0/33", "2001:db8::/129"]:
    try:
        if "/" in bad:
            ipaddress.ip_network(bad)
        else:
            ipaddress.ip_address(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    ipaddress.ip_network("10.0.0.1/24", strict=True)
except ValueError as e:
    print("ValueError", e)
print(ipaddress.ip_network("10.0.0.1/24", strict=False))
try:
    ipaddress.ip_address("10.0.0.1") < ipaddress.ip_address("::1")
except TypeError as e:
    print("TypeError", e)

print(socket.inet_aton("192.168.1.1"), socket.inet_ntoa(b"\x0a\x00\x00\x01"), socket.inet_pton(socket.AF_INET6, "::1"),
      socket.inet_ntop(socket.AF_INET6, b"\x20\x01\x0d\xb8" + b"\x00" * 11 + b"\x01"))
print(socket.htons(1), socket.ntohl(0x01000000), socket.htonl(1) == 0x01000000 or socket.htonl(1) == 1)
try:
    socket.inet_aton("999.1.1.1")
except OSError as e:
    print("OSError", e)
try:
    socket.inet_pton(socket.AF_INET, "::1")
except OSError as e:
    print("OSError", e)
print(socket.getservbyname("http", "tcp") if False else 80, socket.AF_INET.name, socket.SOCK_STREAM.name,
      int(socket.AF_INET6), socket.has_ipv6 in (True, False))
a, b = socket.socketpair()
with a, b:
    a.sendall(b"ping")
    print(b.recv(10), a.family.name, a.type.name, a.gettimeout(), a.getblocking())
    b.settimeout(0.5)
    try:
        b.recv(10)
    except socket.timeout as e:
        print("timeout", type(e).__name__, e)
    a.close()
    print(b.recv(10))
srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
cli = socket.create_connection(("127.0.0.1", port), timeout=30)
conn, addr = srv.accept()
with srv, cli, conn:
    cli.sendall(b"hello over tcp")
    cli.shutdown(socket.SHUT_WR)
    chunks = []
    while True:
        d = conn.recv(4)
        if not d:
            break
        chunks.append(d)
    print(b"".join(chunks), addr[0], conn.getsockname()[0], cli.getpeername() == ("127.0.0.1", port))
    f = conn.makefile("wb")
    f.write(b"line1\nline2\n")
    f.close()
    conn.shutdown(socket.SHUT_WR)
    rf = cli.makefile("rb")
    print(rf.readline(), rf.read())
print(srv.fileno(), socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)[0][4])

for name in ["a.html", "b.JSON", "c.tar.gz", "d.png", "e.unknownext", "f.txt", "archive.zip", "x.py", "y.csv", "noext"]:
    print(name, mimetypes.guess_type(name))
print(mimetypes.guess_extension("application/json"), mimetypes.guess_extension("image/jpeg"),
      mimetypes.guess_type("http://x.com/a.pdf?x=1"), mimetypes.guess_type("data:text/plain;base64,AAAA"))
mimetypes.add_type("application/x-s19", ".s19")
print(mimetypes.guess_type("f.s19"), mimetypes.guess_all_extensions("text/x-nothing"))

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "netrc")
    with open(p, "w") as f:
        f.write("machine example.com login ann password s3cret\n"
                "machine other.org\n  login bob\n  password \"p w\"\n  account acct\n"
                "default login anon password guest\n"
                "macdef init\ncd /pub\n\n")
    os.chmod(p, 0o600)
    n = netrc.netrc(p)
    print(n.authenticators("example.com"), n.authenticators("other.org"), n.authenticators("nowhere"))
    print(sorted(n.hosts), n.macros)
    with open(p, "w") as f:
        f.write("machine x login\n")
    try:
        netrc.netrc(p)
    except netrc.NetrcParseError as e:
        print("NetrcParseError", e.msg, e.lineno)

print(parseaddr("Ann Smith <ann@example.com>"), parseaddr("bob@example.com (Bob)"), parseaddr("not an address"))
print(formataddr(("Ann Smith", "ann@example.com")), formataddr(("Zoë", "z@example.com")), formataddr((None, "x@y")))
print(getaddresses(["a@x.com, B <b@y.com>", "\"Last, First\" <lf@z.com>"]))
dt = parsedate_to_datetime("Tue, 05 Mar 2024 14:30:00 +0100")
print(dt, dt.utcoffset(), format_datetime(dt), format_datetime(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc), usegmt=True))
print(make_msgid(idstring="x", domain="example.com").endswith("@example.com>"), Address("Ann", "ann", "example.com"))
