"""Currencies a figure is written in: the sign or code before the number ("$", "€", "Rs",
"₹", "US$") and the word after it ("euros", "pesos"). Read by ``quantities``. Pure: no Django.
"""

from __future__ import annotations

import re

CURRENCY_PREFIX_RE = re.compile(
    r"(US\$|U\.S\.\s?\$|C\$|CA\$|A\$|AU\$|MX\$|\$|€|£|¥|₹|₦|USD|EUR|GBP|MXN|CAD|INR|(?<![A-Za-z])Rs\.?)\s?$"
)
CURRENCY_PREFIX = {
    "US$": "USD", "U.S.$": "USD", "U.S. $": "USD", "$": "USD", "USD": "USD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "A$": "AUD", "AU$": "AUD", "MX$": "MXN",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "MXN": "MXN",
    "₹": "INR", "INR": "INR", "Rs": "INR", "Rs.": "INR", "₦": "NGN",
}  # fmt: skip
# Currency words after the number.  "pesos" defaults to MXN: this desk covers Mexico
# most; other pesos (ARS, COP, ...) need an explicit code.  Bare "pounds" is a weight
# unless it is "pounds sterling" or the number had a £ sign.
CURRENCY_SUFFIX_RE = re.compile(
    r"\s+(?:(?:US|U\.S\.|American)\s+)?(dollars|euros|pounds\s+sterling|pesos|yuan|yen|"
    r"rubles|roubles|rupees|USD|EUR|GBP|MXN|CAD)\b",
    re.IGNORECASE,
)
CURRENCY_SUFFIX = {
    "dollars": "USD", "euros": "EUR", "pounds sterling": "GBP", "pesos": "MXN",
    "yuan": "CNY", "yen": "JPY", "rubles": "RUB", "roubles": "RUB", "rupees": "INR",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "mxn": "MXN", "cad": "CAD",
}  # fmt: skip
