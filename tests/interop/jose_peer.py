"""The other side of the JWE interoperability test: joserfc, a Python JOSE library from PyPI.

  jose_peer.py encrypt < cases.json -> the compact JWE joserfc made for each case
  jose_peer.py decrypt < cases.json -> joserfc's plaintext (hex) and the protected header's cty
                                       for each case's token, or its error

Each case names its alg and enc, and its key: a file under tests/vectors/keys, or a shared key
or password as hex.
"""
import json
import os
import sys

from joserfc import jwe
from joserfc.jwk import ECKey, OctKey, OKPKey, RSAKey

KEYS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vectors", "keys")


def key(case):
    if "hex" in case:
        return OctKey.import_key(bytes.fromhex(case["hex"]))
    data = open(os.path.join(KEYS, case["file"]), "rb").read()
    if case["file"].endswith(".jwk.json"):
        return OKPKey.import_key(json.loads(data))
    return RSAKey.import_key(data) if case["file"].startswith("rsa") else ECKey.import_key(data)


def algorithms(case):
    # joserfc refuses what it does not recommend (RSA1_5, PBES2, ...) unless it is named.
    return [case["alg"], case["enc"]] + (["DEF"] if case.get("zip") else [])


def encrypt(cases):
    out = []
    for case in cases:
        protected = {"alg": case["alg"], "enc": case["enc"]}
        if case.get("cty"):
            protected["cty"] = case["cty"]
        if case.get("zip"):
            protected["zip"] = "DEF"
        if case["alg"].startswith("PBES2"):
            protected["p2c"] = 1000
        plaintext = bytes.fromhex(case["plaintext"])
        out.append({"token": jwe.encrypt_compact(protected, plaintext, key(case), algorithms=algorithms(case))})
    return out


def decrypt(cases):
    out = []
    for case in cases:
        try:
            opened = jwe.decrypt_compact(case["token"], key(case), algorithms=algorithms(case))
            out.append({"plaintext": opened.plaintext.hex(), "cty": opened.protected.get("cty")})
        except Exception as error:  # the test reports whatever joserfc says
            out.append({"error": f"{type(error).__name__}: {error}"})
    return out


if __name__ == "__main__":
    cases = json.load(sys.stdin)
    result = {"encrypt": encrypt, "decrypt": decrypt}[sys.argv[1]](cases)
    json.dump(result, sys.stdout)
