"""Etalase: a static storefront generator for small makers who sell over WhatsApp."""

__version__ = "0.1.0"
