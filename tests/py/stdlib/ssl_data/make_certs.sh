#!/bin/sh
# Regenerates the test CA and server certificate (see README). Run from this directory.
set -e
openssl ecparam -name prime256v1 -genkey -noout -out ca_key.pem
openssl req -x509 -new -key ca_key.pem -sha256 -days 36500 -set_serial 0x1001 \
  -subj "/C=XY/O=ftpy tests/CN=ftpy test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -out ca.pem
openssl ecparam -name prime256v1 -genkey -noout -out server_key.pem
openssl req -new -key server_key.pem -subj "/C=XY/L=Testville/O=ftpy tests/CN=localhost" -out server.csr
cat > server_ext.cnf <<'EXT'
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1
authorityInfoAccess=OCSP;URI:http://ocsp.example.com/,caIssuers;URI:http://ca.example.com/ca.pem
crlDistributionPoints=URI:http://ca.example.com/ca.crl
EXT
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca_key.pem -set_serial 0x2002 -days 36500 -sha256 \
  -extfile server_ext.cnf -out server.pem
openssl pkey -in server_key.pem -aes256 -passout pass:secret -out server_key_enc.pem
rm -f server.csr server_ext.cnf
