"""The Python side of the locked-key test (tests/locked_keys.rs): PyJWT and `cryptography`.

  locked_peer.py sign   < cases.json -> a token PyJWT signed with each key file (PEM or OpenSSH)
  locked_peer.py pkcs8  < cases.json -> fresh keys as encrypted PKCS #8 PEM, what key derivation
                                        `BestAvailableEncryption` chose, and a token each signed
  locked_peer.py heavy  < cases.json -> such a PEM with its PBKDF2 iteration count made absurd

Keys are made in the test run and never written to the repository.
"""
import base64
import json
import sys

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

CLAIMS = {"sub": "bob", "iat": 1_700_000_000, "exp": 1_700_000_060, "n": 3}

KINDS = {
    "rsa2048": (lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048), "RS256"),
    "p256": (lambda: ec.generate_private_key(ec.SECP256R1()), "ES256"),
    "p384": (lambda: ec.generate_private_key(ec.SECP384R1()), "ES384"),
    "p521": (lambda: ec.generate_private_key(ec.SECP521R1()), "ES512"),
    "ed25519": (ed25519.Ed25519PrivateKey.generate, "EdDSA"),
}

OIDS = {
    "1.2.840.113549.1.5.13": "PBES2",
    "1.2.840.113549.1.5.12": "PBKDF2",
    "1.3.6.1.4.1.11591.4.11": "scrypt",
    "1.2.840.113549.2.7": "hmacWithSHA1",
    "1.2.840.113549.2.9": "hmacWithSHA256",
    "1.2.840.113549.2.11": "hmacWithSHA512",
    "2.16.840.1.101.3.4.1.2": "aes-128-cbc",
    "2.16.840.1.101.3.4.1.42": "aes-256-cbc",
}


# A minimal DER reader and writer, enough to look inside (and change) an EncryptedPrivateKeyInfo:
# `cryptography` has no public ASN.1 API, and its encryption_builder() does not do PKCS #8.
def der_items(data):
    items, at = [], 0
    while at < len(data):
        tag, length, head = data[at], data[at + 1], 2
        if length & 0x80:
            count = length & 0x7F
            length, head = int.from_bytes(data[at + 2:at + 2 + count], "big"), 2 + count
        content = data[at + head:at + head + length]
        items.append([tag, der_items(content) if tag & 0x20 else content])
        at += head + length
    return items


def der_bytes(items):
    out = b""
    for tag, content in items:
        body = der_bytes(content) if tag & 0x20 else content
        n = len(body)
        length = bytes([n]) if n < 0x80 else bytes([0x80 | ((n.bit_length() + 7) // 8)]) + n.to_bytes((n.bit_length() + 7) // 8, "big")
        out += bytes([tag]) + length + body
    return out


def oid_name(raw):
    arcs, value = [], 0
    for byte in raw:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(value)
            value = 0
    first = min(arcs[0] // 40, 2)
    dotted = ".".join(str(a) for a in [first, arcs[0] - 40 * first] + arcs[1:])
    return OIDS.get(dotted, dotted)


def pbes2_parts(pem):
    """(the DER tree, PBES2's [kdf, cipher] items) of an ENCRYPTED PRIVATE KEY PEM."""
    body = b"".join(line for line in pem.splitlines() if line and not line.startswith(b"-----"))
    tree = der_items(base64.b64decode(body))
    algorithm = tree[0][1][0][1]  # EncryptedPrivateKeyInfo -> AlgorithmIdentifier
    assert oid_name(algorithm[0][1]) == "PBES2", oid_name(algorithm[0][1])
    return tree, algorithm[1][1]


def kdf_words(pem):
    _, (kdf, cipher) = pbes2_parts(pem)
    kdf_name = oid_name(kdf[1][0][1])
    params = kdf[1][1][1]
    if kdf_name != "PBKDF2":
        return {"scheme": "PBES2", "kdf": kdf_name}
    iterations = int.from_bytes(params[1][1], "big")
    prf = next((oid_name(p[1][0][1]) for p in params[2:] if p[0] == 0x30), "hmacWithSHA1")
    return {"scheme": "PBES2", "kdf": kdf_name, "iterations": iterations, "salt_bytes": len(params[0][1]),
            "prf": prf, "cipher": oid_name(cipher[1][0][1])}


def with_iterations(pem, iterations):
    tree, (kdf, _) = pbes2_parts(pem)
    assert oid_name(kdf[1][0][1]) == "PBKDF2"
    kdf[1][1][1][1][1] = iterations.to_bytes((iterations.bit_length() + 8) // 8, "big")
    text = base64.encodebytes(der_bytes(tree)).replace(b"\n", b"")
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return b"\n".join([b"-----BEGIN ENCRYPTED PRIVATE KEY-----", *lines, b"-----END ENCRYPTED PRIVATE KEY-----", b""])


def load(path, passphrase):
    data = open(path, "rb").read()
    password = passphrase.encode()
    if b"BEGIN OPENSSH PRIVATE KEY" in data:
        return serialization.load_ssh_private_key(data, password=password)
    return serialization.load_pem_private_key(data, password=password)


def sign(cases):
    return [{**case, "token": jwt.encode(CLAIMS, load(case["file"], case["passphrase"]), algorithm=case["alg"])}
            for case in cases]


def pkcs8(cases):
    out = []
    for case in cases:
        make, alg = KINDS[case["kind"]]
        key = make()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.BestAvailableEncryption(case["passphrase"].encode()))
        # Read back here first: the PEM is what cryptography itself opens.
        serialization.load_pem_private_key(pem, password=case["passphrase"].encode())
        out.append({**case, "alg": alg, "pem": pem.decode(), "kdf": kdf_words(pem),
                    "token": jwt.encode(CLAIMS, key, algorithm=alg)})
    return out


def heavy(cases):
    out = []
    for case in cases:
        pem = pkcs8([case])[0]["pem"].encode()
        changed = with_iterations(pem, case["iterations"])
        out.append({**case, "pem": changed.decode(), "kdf": kdf_words(changed)})
    return out


if __name__ == "__main__":
    mode = sys.argv[1]
    cases = json.load(sys.stdin)
    json.dump({"sign": sign, "pkcs8": pkcs8, "heavy": heavy}[mode](cases), sys.stdout)
