# ssl imports over ftpy's _ssl: version facts, constants, SSLContext settings,
# certificate loading (with a password callback), cipher lists, ALPN, the
# certificate store and _ssl._test_decode_cert's dict for a PEM file.
import os
import re
import ssl

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ssl_data')
CA = os.path.join(DATA, 'ca.pem')
CERT = os.path.join(DATA, 'server.pem')
KEY = os.path.join(DATA, 'server_key.pem')
KEY_ENC = os.path.join(DATA, 'server_key_enc.pem')


def show_exc(e):
    msg = re.sub(r' \(_ssl\.c:\d+\)', '', str(e))
    print(type(e).__name__, msg, getattr(e, 'library', '-'), getattr(e, 'reason', '-'))


print(ssl.OPENSSL_VERSION.startswith('OpenSSL'), len(ssl.OPENSSL_VERSION_INFO))
print(ssl.OPENSSL_VERSION_NUMBER >> 28, ssl._ssl._OPENSSL_API_VERSION[0])
print(ssl.HAS_SNI, ssl.HAS_ALPN, ssl.HAS_TLSv1_3, ssl.HAS_NPN, ssl.HAS_SSLv3)
print(ssl.CERT_NONE, ssl.CERT_OPTIONAL, ssl.CERT_REQUIRED, repr(ssl.CERT_REQUIRED))
print(ssl.PROTOCOL_TLS_CLIENT, ssl.PROTOCOL_TLS_SERVER, repr(ssl.PROTOCOL_TLS_CLIENT))
print(repr(ssl.TLSVersion.TLSv1_2), int(ssl.TLSVersion.MINIMUM_SUPPORTED), int(ssl.TLSVersion.MAXIMUM_SUPPORTED))
print(int(ssl.OP_NO_COMPRESSION), int(ssl.OP_NO_TICKET), int(ssl.OP_ALL))
print(int(ssl.VERIFY_X509_TRUSTED_FIRST), int(ssl.VERIFY_CRL_CHECK_CHAIN), ssl._ssl.HOSTFLAG_NEVER_CHECK_SUBJECT)
print(ssl.SSL_ERROR_WANT_READ, ssl.SSL_ERROR_EOF, ssl.AlertDescription.ALERT_DESCRIPTION_UNKNOWN_CA.value)
print(ssl.SSLError.__mro__[1:3], ssl.SSLCertVerificationError.__bases__)
print(ssl.SSLError.__module__, ssl.SSLWantReadError.__doc__.splitlines()[0])
print(str(ssl.SSLError(1, 'boom')), str(ssl.SSLError('a')), str(ssl.SSLError()))
print(ssl.RAND_status(), len(ssl.RAND_bytes(16)), type(ssl.RAND_bytes(4)))
ssl.RAND_add(b'entropy', 1.5)
print(ssl._ssl.txt2obj('1.3.6.1.5.5.7.3.1'))
print(ssl._ssl.txt2obj('serverAuth', name=True), ssl._ssl.nid2obj(13))
try:
    ssl._ssl.txt2obj('no.such.thing')
except ValueError as e:
    print('ValueError', e)
print(ssl.Purpose.SERVER_AUTH)
paths = ssl._ssl.get_default_verify_paths()
print(len(paths), paths[0], paths[2])

for proto in (ssl.PROTOCOL_TLS_CLIENT, ssl.PROTOCOL_TLS_SERVER):
    c = ssl.SSLContext(proto)
    print(c.protocol, c.verify_mode, c.check_hostname, c.minimum_version, c.maximum_version)
    print(c.options, c.verify_flags, c.post_handshake_auth, c.num_tickets if proto == ssl.PROTOCOL_TLS_SERVER else '-')
    print(c.security_level, c.sni_callback, c.keylog_filename, c.hostname_checks_common_name)
    print(c.session_stats()['number'], c.cert_store_stats())

c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
try:
    c.verify_mode = ssl.CERT_NONE
except ValueError as e:
    print('ValueError', e)
c.check_hostname = False
c.verify_mode = ssl.CERT_OPTIONAL
print(c.verify_mode, c.check_hostname)
c.check_hostname = True
print(c.verify_mode)
c.minimum_version = ssl.TLSVersion.TLSv1_3
c.maximum_version = ssl.TLSVersion.TLSv1_3
print(c.minimum_version, c.maximum_version)
c.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
print(c.minimum_version)
c.options |= ssl.OP_NO_TICKET
print(ssl.OP_NO_TICKET in c.options)
c.options &= ~ssl.OP_NO_TICKET
print(ssl.OP_NO_TICKET in c.options)
c.verify_flags |= ssl.VERIFY_X509_STRICT
print(c.verify_flags)
c.hostname_checks_common_name = True
print(c.hostname_checks_common_name)
try:
    c.verify_mode = 7
except ValueError as e:
    print('ValueError', e)
try:
    c.sni_callback = lambda *a: None
except ValueError as e:
    print('ValueError', e)

d = ssl.create_default_context()
print(d.verify_mode, d.check_hostname, d.protocol, d.cert_store_stats()['x509'] == len(d.get_ca_certs()))

# Ciphers.
s = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
names = [x['name'] for x in s.get_ciphers()]
print(len(names), names[:4])
print(sorted(s.get_ciphers()[0].keys()))
s.set_ciphers('ECDHE+AESGCM')
print([x['name'] for x in s.get_ciphers() if x['protocol'] != 'TLSv1.3'])
try:
    s.set_ciphers('NOTHING-AT-ALL')
except ssl.SSLError as e:
    print(type(e).__name__, e.args)
s.set_alpn_protocols(['h2', 'http/1.1'])
try:
    s.set_alpn_protocols(['x' * 300])
except ssl.SSLError as e:
    print(type(e).__name__, e)

# Certificates and keys.
s.load_cert_chain(CERT, KEY)
s.load_cert_chain(CERT, KEY_ENC, password='secret')
s.load_cert_chain(CERT, KEY_ENC, password=b'secret')
calls = []


def pw():
    calls.append(1)
    return 'secret'


s.load_cert_chain(certfile=CERT, keyfile=KEY_ENC, password=pw)
print('password callback calls', len(calls))


def bad_pw():
    raise KeyError('no password here')


for password in (bad_pw, lambda: 42, 3.5):
    try:
        s.load_cert_chain(CERT, KEY_ENC, password=password)
    except Exception as e:
        print(type(e).__name__, e)
try:
    s.load_cert_chain(os.path.join(DATA, 'missing.pem'))
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    s.load_cert_chain(CA, KEY)
except ssl.SSLError as e:
    show_exc(e)

v = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
print(v.cert_store_stats())
v.load_verify_locations(cafile=CA)
print(v.cert_store_stats())
with open(CA) as f:
    pem = f.read()
w = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
w.load_verify_locations(cadata=pem)
w.load_verify_locations(cadata=ssl.PEM_cert_to_DER_cert(pem))
print(w.cert_store_stats())
ca = w.get_ca_certs()[0]
print(ca['subject'], ca['issuer'] == ca['subject'], ca['serialNumber'], ca['version'])
print(type(w.get_ca_certs(binary_form=True)[0]), w.get_ca_certs(True)[0] == ssl.PEM_cert_to_DER_cert(pem))
x = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
x.load_verify_locations(capath=DATA)
print(x.cert_store_stats())
for kwargs in ({}, {'cadata': 'not a certificate'}, {'cadata': b'\x00\x01'}, {'cafile': 42},
               {'cafile': os.path.join(DATA, 'missing.pem')}, {'cadata': 3}):
    try:
        x.load_verify_locations(**kwargs)
    except ssl.SSLError as e:
        show_exc(e)
    except (TypeError, OSError) as e:
        print(type(e).__name__, e)

# Certificate decoding.
dec = ssl._ssl._test_decode_cert(CERT)
for k, val in dec.items():
    if k in ('notBefore', 'notAfter'):
        val = (type(val).__name__, val.endswith('GMT'), ssl.cert_time_to_seconds(val) > 0)
    print(k, val)
print(ssl._ssl._test_decode_cert(CA)['subject'])
ssl.match_hostname  # still present in 3.11
