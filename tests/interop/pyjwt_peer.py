"""The other side of the interoperability test: PyJWT, the tutorial's library.

  pyjwt_peer.py sign   < cases.json  -> tokens PyJWT signed, one per case
  pyjwt_peer.py verify < tokens.json -> PyJWT's verdict on tokens signed elsewhere

Cases name key files under tests/vectors/keys (or carry an HMAC secret inline).
"""
import json
import os
import sys

import jwt
from cryptography.hazmat.primitives import serialization

KEYS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vectors", "keys")


def load(case, which):
    if "secret" in case:
        return case["secret"]
    data = open(os.path.join(KEYS, case[which]), "rb").read()
    # PyJWT reads PEM and ssh public lines itself; ssh-keygen private files need cryptography.
    if b"BEGIN OPENSSH PRIVATE KEY" in data:
        return serialization.load_ssh_private_key(data, password=None)
    return data


def sign(cases):
    out = []
    for case in cases:
        claims = {"sub": "bob", "iat": 1_700_000_000, "exp": 1_700_000_060, "n": 3}
        token = jwt.encode(claims, load(case, "private"), algorithm=case["alg"], headers={"kid": "k1"})
        out.append({**case, "token": token})
    return out


def verify(cases):
    out = []
    for case in cases:
        try:
            claims = jwt.decode(case["token"], load(case, "public"), algorithms=[case["alg"]],
                                options={"verify_exp": False, "verify_iat": False})
            out.append({**case, "verdict": "verified", "claims": claims})
        except Exception as error:  # any refusal is a verdict, not a crash of the peer
            out.append({**case, "verdict": "refused", "error": f"{type(error).__name__}: {error}"})
    return out


if __name__ == "__main__":
    mode = sys.argv[1]
    cases = json.load(sys.stdin)
    json.dump(sign(cases) if mode == "sign" else verify(cases), sys.stdout)
