"""Certificate chains for the x5c tests, made with Python `cryptography`, and tokens signed with
each chain's leaf key by PyJWT (both installed by `make setup`).

  chain_peer.py make < {"now": <unix seconds>} -> a list of cases

Each case: its name, the token's alg, the token (its header carries the chain as "x5c"), the
root certificate (PEM) to anchor it with, and what the chain must be judged: the chain's state
and each certificate's, leaf first, and, for a broken chain, words its reason must contain.
"""
import base64
import datetime
import json
import sys

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.x509.oid import NameOID

DAY = datetime.timedelta(days=1)


def new_key(kind):
    if kind.startswith("rsa"):
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if kind == "ed25519":
        return ed25519.Ed25519PrivateKey.generate()
    return ec.generate_private_key({"p256": ec.SECP256R1(), "p384": ec.SECP384R1(),
                                    "p521": ec.SECP521R1()}[kind])


def sign_args(kind):
    """(hash, padding) for builder.sign with an issuer key of this kind."""
    return {
        "rsa": (hashes.SHA256(), None),
        "rsa-pss": (hashes.SHA384(), padding.PSS(mgf=padding.MGF1(hashes.SHA384()),
                                                 salt_length=padding.PSS.DIGEST_LENGTH)),
        "p256": (hashes.SHA256(), None),
        "p384": (hashes.SHA384(), None),
        "p521": (hashes.SHA512(), None),
        "ed25519": (None, None),
    }[kind]


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "JWT debugger tests")])


def cert(subject, public, issuer, issuer_key, issuer_kind, ca, now, start=-1, end=30,
         san=None):
    builder = (x509.CertificateBuilder()
               .subject_name(name(subject)).issuer_name(name(issuer))
               .public_key(public).serial_number(x509.random_serial_number())
               .not_valid_before(now + start * DAY).not_valid_after(now + end * DAY)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if san:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(san)]),
                                        critical=False)
    algorithm, pad = sign_args(issuer_kind)
    if pad is not None:
        return builder.sign(issuer_key, algorithm, rsa_padding=pad)
    return builder.sign(issuer_key, algorithm)


def b64(c):
    return base64.b64encode(c.public_bytes(serialization.Encoding.DER)).decode()


def pem(c):
    return c.public_bytes(serialization.Encoding.PEM).decode()


ALG = {"rsa": "RS256", "rsa-pss": "PS384", "p256": "ES256", "p384": "ES384", "p521": "ES512",
       "ed25519": "EdDSA"}


def token(alg, key, chain):
    return jwt.encode({"sub": "bob"}, key, algorithm=alg, headers={"x5c": [b64(c) for c in chain]})


def make(now_seconds):
    now = datetime.datetime.fromtimestamp(now_seconds, datetime.timezone.utc)
    cases = []
    for kind in ALG:
        root_key, int_key, leaf_key = new_key(kind), new_key(kind), new_key(kind)
        root = cert("Root CA", root_key.public_key(), "Root CA", root_key, kind, True, now,
                    end=3650)
        inter = cert("Intermediate CA", int_key.public_key(), "Root CA", root_key, kind, True,
                     now, end=365)
        leaf = cert("issuer.example", leaf_key.public_key(), "Intermediate CA", int_key, kind,
                    False, now, san="issuer.example")
        alg = ALG[kind]

        def case(label, chain, chain_state, states, why=None, anchor=pem(root), key=leaf_key):
            cases.append({"name": f"{kind}: {label}", "alg": alg, "token": token(alg, key, chain),
                          "anchor": anchor, "chain": chain_state, "states": states,
                          "why": why})

        case("leaf, intermediate, root", [leaf, inter, root], "anchored", ["anchored"] * 3)
        case("leaf and intermediate, the root given", [leaf, inter], "anchored", ["anchored"] * 2)
        case("the leaf alone, the intermediate given", [leaf], "anchored", ["anchored"],
             anchor=pem(inter))
        case("leaf, intermediate, root, nothing given", [leaf, inter, root], "unanchored",
             ["ok"] * 3, anchor="")
        if kind != "rsa":
            continue
        # The broken variants, on one key type.
        # Anchored at the root (given, and in the chain): the links above it do not matter.
        case("wrong order", [leaf, root, inter], "broken", ["broken-link", "ok", "ok"],
             why="wrong order")
        other_key = new_key(kind)
        forged = cert("issuer.example", leaf_key.public_key(), "Intermediate CA", other_key,
                      kind, False, now)
        case("a link not signed by the next", [forged, inter, root], "broken",
             ["broken-link", "ok", "ok"], why="does not verify")
        not_ca = cert("Intermediate CA", int_key.public_key(), "Root CA", root_key, kind, False,
                      now, end=365)
        case("an issuer without the CA flag", [leaf, not_ca, root], "broken",
             ["broken-link", "ok", "ok"], why="not a CA")
        expired = cert("issuer.example", leaf_key.public_key(), "Intermediate CA", int_key, kind,
                       False, now, start=-30, end=-1)
        case("an expired leaf", [expired, inter, root], "broken", ["expired", "ok", "ok"],
             why="expired")
        early = cert("issuer.example", leaf_key.public_key(), "Intermediate CA", int_key, kind,
                     False, now, start=2, end=30)
        case("a leaf not yet valid", [early, inter, root], "broken",
             ["not-yet-valid", "ok", "ok"], why="not valid before")
        stranger = cert("Root CA", new_key(kind).public_key(), "Root CA", new_key(kind), kind,
                        True, now)
        case("another root of the same name given", [leaf, inter], "broken",
             ["ok", "broken-link"], why="does not verify", anchor=pem(stranger))
        case("signed by another key than the leaf's", [leaf, inter, root], "anchored",
             ["anchored"] * 3, key=new_key(kind))
        cases[-1]["signature"] = False
    return cases


if __name__ == "__main__":
    request = json.load(sys.stdin)
    json.dump(make(request["now"]), sys.stdout)
