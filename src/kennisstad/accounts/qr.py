"""The authenticator app's set-up code as an inline image: a data: URI of an SVG, because the
content security policy allows images only from this site and data:, and the secret must never
go to a third-party QR service."""

import base64

import qrcode
import qrcode.image.svg


def qr_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=8)
    svg = image.to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def grouped(secret: str, size: int = 4) -> str:
    """``JBSWY3DPEHPK3PXP`` -> ``JBSW Y3DP EHPK 3PXP``: easier to type into an app by hand."""
    return " ".join(secret[i : i + size] for i in range(0, len(secret), size))
