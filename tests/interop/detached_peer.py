"""The other side of the detached-payload interoperability test.

  detached_peer.py sign   < cases.json -> each case's detached token, signed by its library
  detached_peer.py verify < cases.json -> that library's verdict on each case's token and payload

A case names its library: "pyjwt" signs and checks "b64": false detached tokens (RFC 7797, its
`is_payload_detached`), "joserfc" base64url-encoded ones (RFC 7515 Appendix F, its
`detach_content` and the `payload` argument). Keys are files under tests/vectors/keys, or an
HMAC secret inline.
"""
import json
import os
import sys

import jwt
from joserfc import jws
from joserfc.jwk import ECKey, OctKey, RSAKey, OKPKey

KEYS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vectors", "keys")


def key_bytes(case, which):
    if "secret" in case:
        return case["secret"].encode()
    return open(os.path.join(KEYS, case[which]), "rb").read()


def joserfc_key(case, which):
    data = key_bytes(case, which)
    if "secret" in case:
        return OctKey.import_key(data)
    if case["alg"].startswith(("RS", "PS")):
        return RSAKey.import_key(data)
    if case["alg"] == "EdDSA":
        return OKPKey.import_key(data)
    return ECKey.import_key(data)


def sign(cases):
    out = []
    for case in cases:
        payload = case["payload"].encode()
        if case["lib"] == "pyjwt":
            token = jwt.api_jws.encode(payload, key_bytes(case, "private"), algorithm=case["alg"],
                                       headers={"b64": False, "crit": ["b64"]},
                                       is_payload_detached=True)
        else:
            whole = jws.serialize_compact({"alg": case["alg"]}, payload,
                                          joserfc_key(case, "private"), algorithms=[case["alg"]])
            token = jws.detach_content(whole)
        out.append({**case, "token": token})
    return out


def verify(cases):
    out = []
    for case in cases:
        payload = case["payload"].encode()
        try:
            if case["lib"] == "pyjwt":
                jwt.api_jws.decode_complete(case["token"], key_bytes(case, "public"),
                                            algorithms=[case["alg"]], detached_payload=payload)
            else:
                jws.deserialize_compact(case["token"], joserfc_key(case, "public"),
                                        algorithms=[case["alg"]], payload=payload)
            out.append({**case, "verdict": "verified"})
        except Exception as error:  # any refusal is a verdict, not a crash of the peer
            out.append({**case, "verdict": "refused", "error": f"{type(error).__name__}: {error}"})
    return out


if __name__ == "__main__":
    mode = sys.argv[1]
    cases = json.load(sys.stdin)
    json.dump(sign(cases) if mode == "sign" else verify(cases), sys.stdout)
