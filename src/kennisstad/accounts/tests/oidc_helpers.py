"""What the fast OpenID Connect tests share: a provider's issuer and signing key made here, its
public key as the provider would publish it, and the settings of a sign-in that is switched on."""

import json

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from kennisstad.accounts import oidc_discovery

ISSUER = "https://login.example.nl"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_jwk(key, kid="k1"):
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    return {**jwk, "kid": kid, "alg": "RS256", "use": "sig"}


def switch_on(settings, monkeypatch):
    """OpenID Connect on, for the client "kennisstad", with KEY as the provider's only key."""
    settings.OIDC_ISSUER = ISSUER
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = "kennisstad"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_CLOCK_SKEW = 60
    monkeypatch.setattr(oidc_discovery, "signing_keys", lambda refresh=False: [public_jwk(KEY)])
    return settings
