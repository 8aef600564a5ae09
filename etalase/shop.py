"""The shop's terms from ``site.yaml``: shipping, payment, the pickup area and reply
hours, and the words a buyer's WhatsApp message starts and ends with.

Honest trade means a buyer sees these before writing. The pickup place is an area (a
district, a market), never a home address: members' privacy is part of the product, so
anything that reads like a street address is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etalase.fields import Fields
from etalase.yamlio import Map

SHOP_KEYS = frozenset({"shipping", "payment", "pickup", "hours", "greeting", "order_closing"})
SHIPPING_KEYS = frozenset({"from", "couriers", "note"})
MAX_CLOSING_LINES = 6
# Words that make a place a street address rather than an area.
_ADDRESS = re.compile(
    r"(?i)\b(jl|jln|jalan|gg|gang|rt|rw|no|nomor|blok|perum|perumahan|komplek|kompleks)\b\.?"
    r"|\d+\s*/\s*\d+")


@dataclass(frozen=True)
class Shipping:
    origin: str | None  # the town parcels are sent from
    couriers: tuple[str, ...]
    note: str | None  # e.g. "costs are agreed on WhatsApp"


@dataclass(frozen=True)
class ShopInfo:
    shipping: Shipping | None = None
    payment: tuple[str, ...] = ()
    pickup: str | None = None  # an area, never a home address
    hours: str | None = None  # when orders are answered

    def __bool__(self) -> bool:
        return bool(self.shipping or self.payment or self.pickup or self.hours)


def read_shop(fields: Fields) -> ShopInfo:
    """The shop's terms; every problem is reported to ``fields.report``."""
    return ShopInfo(
        shipping=_shipping(fields),
        payment=tuple(fields.text_list("payment", max_len=60)),
        pickup=_pickup(fields),
        hours=fields.text("hours", max_len=120),
    )


def _shipping(fields: Fields) -> Shipping | None:
    node = fields.raw("shipping")
    if node is None:
        return None
    if not isinstance(node, Map):  # one line of text: a note
        note = fields.text("shipping", max_len=300)
        return Shipping(None, (), note) if note else None
    inner = Fields(node, fields.path, fields.report, SHIPPING_KEYS)
    shipping = Shipping(
        origin=inner.text("from", max_len=60),
        couriers=tuple(inner.text_list("couriers", max_len=40)),
        note=inner.text("note", max_len=300),
    )
    return shipping if shipping.origin or shipping.couriers or shipping.note else None


def _pickup(fields: Fields) -> str | None:
    area = fields.text("pickup", max_len=80)
    if area is None:
        return None
    found = _ADDRESS.search(area)
    if found:
        fields.report.error(fields.loc("pickup"), "config.pickup_address",
                            value=area, word=found.group(0).strip())
        return None
    return area


def read_closing(fields: Fields) -> tuple[str, ...] | None:
    """The lines a cart message ends with (``Nama:``, ``Alamat:``...); None: the theme's."""
    if fields.raw("order_closing") is None:
        return None
    lines = fields.text_list("order_closing", max_len=60)
    if len(lines) > MAX_CLOSING_LINES:
        fields.report.error(fields.loc("order_closing"), "config.closing_lines",
                            count=len(lines), limit=MAX_CLOSING_LINES)
        return None
    return tuple(lines)


def greeting_of(template: str | None) -> str | None:
    """The greeting an order message opens with: "Assalamu'alaikum, saya ingin..." ->
    "Assalamu'alaikum", so the cart and the contact link greet the way the shop does."""
    if not template:
        return None
    found = re.match(r"\s*([^,.!?{}\n]{2,40}?)\s*[,.!]", template)
    if found is None or len(found.group(1).split()) > 3:  # a sentence, not a greeting
        return None
    return found.group(1)
