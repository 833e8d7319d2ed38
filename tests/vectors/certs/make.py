"""Writes this folder's fixed chain (run once; the files are committed): an EC P-256 root, an
intermediate and a leaf valid 2020-2120, the root alone, an unrelated root, and a token the leaf
key signed (ES256) with the chain in "x5c". Python `cryptography` and PyJWT."""
import base64
import datetime

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

START = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
END = datetime.datetime(2120, 1, 1, tzinfo=datetime.timezone.utc)


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def cert(subject, key, issuer, issuer_key, ca):
    return (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(name(issuer))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(START).not_valid_after(END)
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .sign(issuer_key, hashes.SHA256()))


keys = [ec.generate_private_key(ec.SECP256R1()) for _ in range(4)]
root = cert("Example Root CA", keys[0], "Example Root CA", keys[0], True)
inter = cert("Example Intermediate CA", keys[1], "Example Root CA", keys[0], True)
leaf = cert("tokens.example", keys[2], "Example Intermediate CA", keys[1], False)
other = cert("Another Root CA", keys[3], "Another Root CA", keys[3], True)
der = lambda c: base64.b64encode(c.public_bytes(serialization.Encoding.DER)).decode()
pem = lambda c: c.public_bytes(serialization.Encoding.PEM).decode()
open("root.pem", "w").write(pem(root))
open("other-root.pem", "w").write(pem(other))
open("chain.jwt", "w").write(jwt.encode({"sub": "bob", "iat": 1700000000}, keys[2], algorithm="ES256",
                                        headers={"x5c": [der(leaf), der(inter), der(root)]}))
