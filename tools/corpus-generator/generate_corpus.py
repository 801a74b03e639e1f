#!/usr/bin/env python3
"""Generates the classifier training corpus finance-inquiries.csv.

Written for this project (no external data set): a block of fully hand-written inquiries plus
inquiries composed from hand-written fragments per inquiry type (subjects, openings, core asks,
context sentences, secondary asks, urgency cues, closings, signatures) with entity variation
(invoice, order, LC and shipment references, amounts in several currency notations, dates, names),
register variation (formal, casual, terse portal message, non-native English) and light noise
(typos, missing capitals, quoted reply history).

Deterministic: one fixed seed, no clock, no set/hash ordering, so re-running reproduces the CSV
byte for byte.

    python3 tools/corpus-generator/generate_corpus.py [--out PATH]

Labels: see README.md next to this script.
"""
import argparse
import csv
import datetime as dt
import os
import random
import re
import sys
from collections import Counter, defaultdict

SEED = 20261125
TODAY = dt.date(2026, 11, 25)
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(
    os.path.join(HERE, "..", "..", "classifier-service", "src", "main", "resources", "corpus",
                 "finance-inquiries.csv"))

TYPES = [
    "billing-discrepancy", "invoice-copy", "payment-status", "payment-terms", "credit-limit",
    "dispute", "refund", "letter-of-credit", "logistics-billing", "debt-restructuring",
    "kyc-master-data", "treasury-fx", "general",
]
URGENCIES = ["LOW", "NORMAL", "HIGH", "CRITICAL"]
HEADER = ["id", "subject", "body", "types", "urgency", "split"]

# Generated rows per main type (hand-written rows come on top of these).
GENERATED_PER_TYPE = 96
TEST_SHARE = 0.2

# How urgent inquiries of each main type tend to be (LOW, NORMAL, HIGH, CRITICAL).
URGENCY_WEIGHTS = {
    "billing-discrepancy": (6, 50, 30, 14),
    "invoice-copy": (50, 35, 12, 3),
    "payment-status": (14, 48, 26, 12),
    "payment-terms": (22, 54, 19, 5),
    "credit-limit": (8, 45, 32, 15),
    "dispute": (4, 40, 30, 26),
    "refund": (10, 50, 26, 14),
    "letter-of-credit": (5, 36, 44, 15),
    "logistics-billing": (5, 40, 35, 20),
    "debt-restructuring": (4, 40, 36, 20),
    "kyc-master-data": (22, 42, 16, 20),
    "treasury-fx": (20, 50, 16, 14),
    "general": (55, 35, 6, 4),
}

# ---------------------------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------------------------

FIRST_NAMES = [
    "Dana", "Lee", "Maria", "James", "Priya", "Tomasz", "Chiara", "Kenji", "Fatima", "Oliver",
    "Sophie", "Carlos", "Mei", "Lukas", "Aisha", "Robert", "Elena", "Jonas", "Yuki", "Ricardo",
    "Ingrid", "Samuel", "Leila", "Patrick", "Anika", "Hiroshi", "Camila", "Mehmet", "Grace",
    "Pieter", "Zofia", "Arjun", "Claire", "Diego", "Nadia", "Sven", "Beatriz", "Wei", "Olga",
    "Marcus", "Thanh", "Niamh", "Rafael", "Keisha", "Jan", "Sunita", "Matteo", "Ewa", "Tariq",
    "Hannah", "Joao", "Mariana", "Ahmed", "Linda", "Stefan", "Ayesha", "Brian", "Yasmin",
    "Dmitri", "Chloe",
]
LAST_NAMES = [
    "Ortiz", "Park", "Schneider", "Kowalski", "Rossi", "Tanaka", "Haddad", "Murphy", "Dubois",
    "Fernandes", "Chen", "Weber", "Nakamura", "Gonzalez", "Novak", "Okafor", "Lindqvist",
    "Sharma", "van Dijk", "Moreau", "Petrov", "Bianchi", "Yilmaz", "Hansen", "Silva", "Nguyen",
    "Kim", "Johansson", "Brennan", "Rahman", "Costa", "Fischer", "Lopez", "Adeyemi", "Virtanen",
    "Walsh", "Mendes", "Kaur", "Ito", "Becker", "Horvath", "Popescu", "Andersen", "Reyes",
    "Thompson", "Castillo", "Ng", "Dvorak", "Saito", "Oyelaran",
]
AGENT_NAMES = [
    "Sandra", "Michael", "Ines", "Paul", "Karin", "Tom", "Julia", "Ravi", "Monique", "Peter",
    "Agnieszka", "Daniel", "Lucia", "Mark", "Helena", "Femi", "Sarah", "Bruno",
]
COMPANY_STEMS = [
    "Acme", "Borealis", "Cobalt", "Dunmore", "Eastgate", "Fjordline", "Galena", "Harbourside",
    "Ironbridge", "Juniper", "Kestrel", "Lakeshore", "Meridian", "Northwind", "Oakridge",
    "Pelican", "Quarry Hill", "Riverbend", "Sandpiper", "Timberline", "Umber", "Valemont",
    "Westbrook", "Zephyr", "Altamira", "Bluewater", "Cascadia", "Driftwood", "Estrella",
    "Falcon Ridge", "Greystone", "Halcyon", "Jadestone", "Kodiak", "Larkspur", "Monarch",
    "Nordlicht", "Orchard", "Polaris", "Redwood", "Saffron", "Tamarind", "Vantage", "Wolfram",
    "Yarrow", "Sierra Alta", "Copperleaf", "Baltica", "Tidewater", "Lodestar",
]
COMPANY_KINDS = [
    "Industrial Supplies", "Foods", "Retail", "Logistics", "Components", "Textiles", "Pharma",
    "Agro", "Metals", "Packaging", "Electronics", "Hospitality", "Marine Supplies", "Chemicals",
    "Medical", "Paper", "Automotive Parts", "Beverages", "Furniture", "Plastics", "Trading",
    "Engineering", "Apparel", "Machinery",
]
LEGAL_FORMS_NATIVE = ["Ltd", "Inc.", "LLC", "Corp.", "Ltd.", "plc", "Pty Ltd", "Co."]
LEGAL_FORMS_OTHER = [
    "GmbH", "S.A.", "S.r.l.", "B.V.", "Sp. z o.o.", "A/S", "S.A. de C.V.", "Ltda.", "Co., Ltd.",
    "Pvt. Ltd.", "SAS", "AB", "Oy", "Sdn. Bhd.", "s.r.o.", "Kft.", "S.L.", "AG", "Pte. Ltd.",
]
TITLES = [
    "Accounts Payable", "Accounts Payable Specialist", "AP Clerk", "Finance Manager",
    "Financial Controller", "CFO", "Treasurer", "Treasury Analyst", "Procurement Manager",
    "Head of Finance", "Owner", "Managing Director", "Bookkeeper", "Credit & Collections",
    "Finance Assistant", "Import Manager", "Supply Chain Coordinator", "Office Manager",
    "Assistant Controller", "Purchasing",
]
CITIES = [
    "Rotterdam", "Hamburg", "Lyon", "Gdansk", "Monterrey", "Sao Paulo", "Chennai", "Osaka",
    "Leeds", "Columbus", "Valencia", "Turin", "Izmir", "Durban", "Ho Chi Minh City", "Brno",
    "Guadalajara", "Penang", "Antwerp", "Calgary",
]
BANKS = [
    "Harbour Commercial Bank", "First Meridian Bank", "Banco del Sol", "Nordic Trade Bank",
    "Pacific Rim Banking Corp", "Union Credit Bank", "Crescent Bank", "Alpine Cantonal Bank",
    "Lakeside Savings", "Eastern Trust Bank",
]
REGULATORS = [
    "the financial regulator", "our national bank supervisor", "the tax authority",
    "the customs authority", "the data protection authority", "the financial ombudsman",
    "the central bank", "the sanctions compliance unit of our bank", "the state auditor",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fmt_date(r, d):
    style = r.randrange(9)
    if style == 0:
        return d.isoformat()
    if style == 1:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == 2:
        return f"{d.month}/{d.day}/{d.year}"
    if style == 3:
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == 4:
        return f"{d.day} {MONTHS[d.month - 1][:3]}"
    if style == 5:
        return f"{MONTHS[d.month - 1]} {ordinal(d.day)}"
    if style == 6:
        return f"{ordinal(d.day)} of {MONTHS[d.month - 1]}"
    if style == 7:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"


def group(n, sep):
    s = f"{n:,}"
    return s.replace(",", sep)


def fmt_amount(r, value, currency=None, style_seed=None):
    """An amount as customers write it: several notations per currency. With a style_seed every
    amount in one inquiry uses the same notation."""
    value_r = r
    if style_seed is not None:
        r = random.Random(style_seed)
    if currency is None:
        currency = r.choices(["USD", "EUR", "GBP", "CHF", "CAD", "AUD", "SGD"],
                             weights=[42, 32, 14, 3, 3, 3, 3])[0]
    whole = int(value)
    cents = int(round((value - whole) * 100)) % 100
    with_cents = r.random() < 0.55 or cents != 0 and value_r.random() < 0.6
    if currency == "EUR":
        style = r.randrange(6)
        if style in (0, 1, 2):  # continental
            num = group(whole, ".") + (f",{cents:02d}" if with_cents else "")
            return [f"€{num}", f"{num} EUR", f"EUR {num}"][style]
        num = group(whole, ",") + (f".{cents:02d}" if with_cents else "")
        return [f"EUR {num}", f"€{num}", f"€ {num}"][style - 3]
    if currency == "CHF":
        num = group(whole, "'") + (f".{cents:02d}" if with_cents else "")
        return r.choice([f"CHF {num}", f"{num} CHF"])
    num = group(whole, ",") + (f".{cents:02d}" if with_cents else "")
    sym = {"USD": ["USD ", "$", "US$ ", "USD"], "GBP": ["GBP ", "£", "GBP"],
           "CAD": ["CAD ", "C$"], "AUD": ["AUD ", "A$"], "SGD": ["SGD ", "S$"]}[currency]
    prefix = r.choice(sym)
    if r.random() < 0.15:
        return f"{num} {currency}"
    if prefix == "USD" and r.random() < 0.5:  # "USD22000" without separators
        return f"USD{whole}" + (f".{cents:02d}" if with_cents else "")
    return f"{prefix}{num}"


def rand_value(r, low, high):
    v = r.uniform(low, high)
    kind = r.random()
    if kind < 0.3:
        return float(round(v, -2))
    if kind < 0.45:
        return float(round(v, -3)) or 1000.0
    return round(v, 2)


def invoice_ref(r):
    style = r.randrange(9)
    if style in (0, 1, 2):
        return f"INV-2026-{r.randint(1, 9999):06d}"
    if style == 3:
        return f"9001{r.randint(1000, 9999)}"
    if style == 4:
        return f"2026/{r.randint(10, 11)}/{r.randint(100, 9999)}"
    if style == 5:
        return f"INV2026{r.randint(1, 9999):06d}"
    if style == 6:
        return f"71000{r.randint(10000, 99999)}"
    if style == 7:
        return f"SI-{r.randint(26000, 26999)}"
    return f"{r.randint(4000000, 4999999)}"


def po_ref(r):
    style = r.randrange(5)
    if style == 0:
        return f"4500{r.randint(100, 999)}"
    if style == 1:
        return f"PO-{r.randint(1000, 9999)}"
    if style == 2:
        return f"45{r.randint(10000000, 99999999)}"
    if style == 3:
        return f"{r.choice(['NY', 'HB', 'MX', 'SG', 'PL'])}-PO-{r.randint(10000, 99999)}"
    return f"{r.randint(80000, 89999)}"


def lc_ref(r):
    style = r.randrange(6)
    if style == 0:
        return f"LC-{r.randint(10, 999)}"
    if style == 1:
        return f"DC-{r.choice(['LON', 'HKG', 'SAO', 'DXB', 'MUM'])}-2026-{r.randint(100, 99999):05d}"
    if style == 2:
        return f"{r.randint(1000, 9999):04d}ILC26{r.randint(10, 99)}"
    if style == 3:
        return f"LC/26/{r.randint(100, 9999):04d}"
    if style == 4:
        return f"ILC{r.randint(100000, 999999)}"
    return f"M{r.randint(1000, 9999)}{r.choice(['ZD', 'ID', 'LC'])}{r.randint(10000, 99999)}"


def ship_ref(r):
    style = r.randrange(7)
    if style == 0:
        return f"delivery {r.randint(80000000, 80999999)}"
    if style == 1:
        return f"BL {r.choice(['MAEU', 'MSCU', 'HLCU', 'CMDU', 'ONEY'])}{r.randint(100000000, 999999999)}"
    if style == 2:
        return f"container {r.choice(['TGHU', 'MSKU', 'CAIU', 'TCNU'])} {r.randint(100000, 999999)}-{r.randint(0, 9)}"
    if style == 3:
        return f"AWB {r.randint(100, 999)}-{r.randint(10000000, 99999999)}"
    if style == 4:
        return f"shipment SHP-26-{r.randint(1000, 9999)}"
    if style == 5:
        return f"CMR {r.randint(1000, 9999)}/26"
    return f"delivery note DN{r.randint(200000, 299999)}"


def cn_ref(r):
    return r.choice([f"CN-2026-{r.randint(1, 3000):06d}", f"8100{r.randint(1000, 9999)}",
                     f"CR{r.randint(10000, 99999)}"])


def pay_ref(r):
    return r.choice([f"PAY-2026-{r.randint(1, 5000):06d}", f"FT26{r.randint(300, 330)}{r.choice(['XK', 'QB', 'LM', 'ZT'])}{r.randint(1000, 9999)}",
                     f"{r.randint(2600000, 2699999)}", f"TRN{r.randint(10000000, 99999999)}"])


def account_ref(r):
    return r.choice([f"C-{r.randint(1004, 1300)}", f"{r.randint(100000, 199999)}",
                     f"CUST-{r.randint(10000, 99999)}", f"D{r.randint(20000, 29999)}"])


def iban(r):
    cc = r.choice(["DE", "NL", "FR", "GB", "ES", "IT", "PL", "BE", "LT", "PT"])
    digits = "".join(str(r.randrange(10)) for _ in range(18))
    raw = f"{cc}{r.randint(10, 99)}{digits}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def company_name(r, native=True):
    forms = LEGAL_FORMS_NATIVE if native else LEGAL_FORMS_OTHER
    return f"{r.choice(COMPANY_STEMS)} {r.choice(COMPANY_KINDS)} {r.choice(forms)}"


class Ctx(dict):
    """Placeholder values for one inquiry. A value is drawn the first time a fragment needs it
    and reused afterwards, so every mention of {inv} in one inquiry is the same invoice."""

    def __init__(self, r, urgency, native=True):
        super().__init__()
        self.r = r
        self.urgency = urgency
        self.native = native
        self.currency = r.choices(["USD", "EUR", "GBP", "CHF", "CAD", "AUD", "SGD"],
                                  weights=[42, 32, 14, 3, 3, 3, 3])[0]
        self.style_seed = r.randrange(1 << 30)

    def money(self, value, currency=None):
        return fmt_amount(self.r, value, currency or self.currency, self.style_seed)

    def small(self, low, high):
        # LOW and NORMAL inquiries keep amounts at stake below 50,000 (see README)
        if self.urgency in ("LOW", "NORMAL"):
            high = min(high, 49000)
            low = min(low, high / 2)
        if self.urgency in ("HIGH", "CRITICAL") and self.r.random() < 0.2:
            low, high = 52000, 400000
        return self.money(rand_value(self.r, low, high))

    def __missing__(self, key):
        r = self.r
        d = TODAY
        makers = {
            "inv": lambda: invoice_ref(r), "inv2": lambda: invoice_ref(r),
            "inv3": lambda: invoice_ref(r),
            "po": lambda: po_ref(r), "po2": lambda: po_ref(r),
            "lc": lambda: lc_ref(r), "ship": lambda: ship_ref(r), "cn": lambda: cn_ref(r),
            "pay": lambda: pay_ref(r), "acct": lambda: account_ref(r), "iban": lambda: iban(r),
            "iban2": lambda: iban(r),
            "amt": lambda: self.small(180, 48000), "amt2": lambda: self.small(90, 9000),
            "amt3": lambda: self.small(500, 30000),
            "tiny": lambda: self.money(rand_value(r, 12, 480)),
            "bigamt": lambda: self.money(rand_value(r, 52000, 900000 if r.random() < 0.85 else 2400000)),
            "limit": lambda: self.money(float(r.randint(2, 60) * 5000)),
            "newlimit": lambda: self.money(float(r.randint(61, 160) * 5000)),
            "pct": lambda: r.choice(["2%", "1.5%", "3%", "2 %", "1%", "0.5%", "4%"]),
            "pct2": lambda: r.choice(["7%", "12%", "15%", "8.5%", "20%", "5%"]),
            "days": lambda: r.choice(["14", "30", "30", "45"]),
            "days2": lambda: r.choice(["60", "75", "90", "120"]),
            "n": lambda: r.choice(["3", "4", "6", "5", "8", "10", "12"]),
            "qty": lambda: str(r.choice([4, 6, 10, 12, 18, 20, 24, 40, 48, 60, 100, 120, 250])),
            "qty2": lambda: str(r.choice([2, 3, 5, 8, 9, 15, 30])),
            "past": lambda: fmt_date(r, d - dt.timedelta(days=r.randint(3, 60))),
            "past2": lambda: fmt_date(r, d - dt.timedelta(days=r.randint(20, 120))),
            "recent": lambda: fmt_date(r, d - dt.timedelta(days=r.randint(1, 9))),
            "future": lambda: fmt_date(r, d + dt.timedelta(days=r.randint(12, 60))),
            "soon": lambda: fmt_date(r, d + dt.timedelta(days=r.randint(2, 6))),
            "weekday": lambda: r.choice(WEEKDAYS),
            "fewdays": lambda: r.choice(["3", "4", "5", "2", "6", "three", "five"]),
            "weeks": lambda: r.choice(["two", "three", "2", "3", "four", "6"]),
            "first": lambda: r.choice(FIRST_NAMES), "first2": lambda: r.choice(FIRST_NAMES),
            "last": lambda: r.choice(LAST_NAMES), "agent": lambda: r.choice(AGENT_NAMES),
            "company": lambda: company_name(r, self.native),
            "company2": lambda: company_name(r, r.random() < 0.5),
            "city": lambda: r.choice(CITIES), "bank": lambda: r.choice(BANKS),
            "bank2": lambda: r.choice(BANKS), "regulator": lambda: r.choice(REGULATORS),
            "cur": lambda: self.currency,
            "cur2": lambda: r.choice([c for c in ["USD", "EUR", "GBP"] if c != self.currency]),
            "month": lambda: r.choice(["October", "November", "September", "Q3", "last month"]),
            "year": lambda: r.choice(["2023", "2024", "2025", "2019", "2021"]),
            "product": lambda: r.choice([
                "pallets of PET preforms", "hydraulic couplings", "cartons of olive oil",
                "steel coils", "reels of copper cable", "LED panels", "bags of fertiliser",
                "cases of wine", "bearing kits", "rolls of kraft paper", "drums of resin",
                "laptops", "frozen shrimp cartons", "valve assemblies", "spare pumps",
                "bales of cotton yarn", "solar inverters", "tyres", "medical gloves boxes"]),
            "swift": lambda: "".join(r.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") for _ in range(4))
            + r.choice(["DE", "NL", "GB", "US", "SG", "BR", "IN", "PL"])
            + r.choice(["FF", "2X", "33", "MM", "22", "HH"]),
        }
        if key not in makers:
            raise KeyError(key)
        value = makers[key]()
        self[key] = value
        return value


def fill(text, ctx):
    text = text.format_map(ctx)
    return re.sub(r"\b(?:LC|L/C) (?=LC[-/])", "", text)  # "LC LC-77" -> "LC-77"


# ---------------------------------------------------------------------------------------------
# Fragment banks, one per inquiry type (hand-written). Keys:
#   subjects   subject lines
#   core       the main ask (NORMAL, HIGH and CRITICAL inquiries)
#   nonnative  the main ask as written by customers with non-native English
#   low        routine / informational variants of the ask (LOW inquiries)
#   detail     context sentences that fit the type
#   secondary  a short additional ask, used when the type is a secondary label
# Core sentences never carry urgency cues themselves; those come from URGENCY_CUES.
# ---------------------------------------------------------------------------------------------

BANK = {}

BANK["billing-discrepancy"] = dict(
    subjects=[
        "Incorrect amount on invoice {inv}", "Invoice {inv} - price does not match PO",
        "Billed twice?", "Duplicate invoices {inv} / {inv2}", "Query on invoice {inv}",
        "Wrong unit price", "Invoice amount differs from order confirmation",
        "Discrepancy {inv}", "freight charged twice", "Pricing error on your last invoice",
        "VAT calculated wrong on {inv}", "Invoice vs. quotation", "Please check invoice {inv}",
        "We were charged the old price", "Overcharge on PO {po}", "Surcharge not agreed",
        "Invoice {inv} - quantity billed incorrectly", "invoice {inv} wrong", "Price difference",
        "Discount missing on invoice",
    ],
    core=[
        "Invoice {inv} shows {amt} but our PO {po} was for {amt3}. Can you check which figure is correct?",
        "We have been billed twice for the same delivery: invoices {inv} and {inv2} both refer to our order {po}.",
        "The unit price on {inv} is not the one we agreed. Your quotation from {past2} says {tiny} per unit and the invoice has a higher price.",
        "Your invoice {inv} includes a freight charge of {tiny}, but the order was agreed DAP with freight included.",
        "VAT has been charged on invoice {inv} although we are registered in another EU country and reverse charge should apply.",
        "We were invoiced for {qty} units on {inv}, but the delivery note and our goods receipt show {qty2} fewer.",
        "It looks like the volume discount of {pct} we agreed for this year was not applied on invoice {inv}.",
        "Invoice {inv} was issued in {cur2} instead of {cur}, which is the currency in our contract.",
        "We received invoice {inv} for {amt}; the order confirmation says {amt3}. Please send a corrected invoice.",
        "Your invoice {inv} charges a fuel surcharge that is not part of our agreement.",
        "The same amount of {amt2} appears twice on our statement, once under {inv} and once under {inv2}.",
        "Invoice {inv} was made out to us, but order {po} was placed by our sister company {company2}. Please re-issue it to the right entity.",
        "The price list you sent in {month} and the prices on invoice {inv} do not match for at least three lines.",
        "Line 4 of invoice {inv} is a service we cancelled on {past2}, but it has still been billed.",
        "We have been charged a late-payment fee of {tiny} on {inv} even though we paid on time.",
        "Can you explain how the total of {amt} on {inv} was calculated? I get a different figure from the PO.",
        "You billed the whole of order {po} in one go, but we had agreed invoicing per delivery.",
        "Invoice {inv} still shows the list price; we have a framework contract with fixed prices until the end of the year.",
        "The total on {inv} is right but the PO number is wrong ({po2} instead of {po}), so our system rejects it.",
        "Our three-way match failed on {inv}: the invoiced quantity and our goods receipt don't agree.",
        "We think the annual maintenance fee was billed twice this year, on {inv} and again on {inv2}.",
        "Could you check invoice {inv}? The discount line is missing and the total is {amt2} too high.",
        "The hourly rate on {inv} is the 2026 rate, but the work was done in December last year under the old rate card.",
        "Invoice {inv} bills express delivery, but we only ever asked for standard shipping.",
        "The credit for the returned items was supposed to be netted on {inv}, and it isn't there.",
        "Your invoice charges {qty} licences; we only have {qty2} users on the contract.",
    ],
    nonnative=[
        "Please we found mistake in invoice {inv}, the price is not same like in the offer.",
        "Invoice {inv} have double charge for transport, kindly check and correct.",
        "We are receiving two invoices for one order {po}, please advice which one is the correct one.",
        "The amount in invoice {inv} is more high than agreed, difference is {amt2}.",
        "Kindly note the discount {pct} is not applied in your invoice, please to revise.",
        "In invoice {inv} you have put quantity {qty} but we receive less pieces.",
        "The tax in this invoice is calculate wrong, please send corrected one.",
        "We check the invoice {inv} with our order and it is not matching.",
        "The price in invoice is old price, from {month} we have new price agreed with Mr. {last}.",
    ],
    low=[
        "Just a heads-up: the PO number on {inv} has a typo ({po2} instead of {po}). No need to reissue, we've noted it on our side.",
        "Minor thing: the invoice address on {inv} still has our old suite number. The amount is fine, please correct it for future invoices.",
        "For your information, invoice {inv} had a rounding difference of a few cents; we paid the invoiced amount, no action needed.",
        "Could you check why the unit of measure on {inv} says boxes instead of pieces? Totals are right, I just want our team to book it correctly.",
        "The invoice date on {inv} seems to be a day off compared to the delivery. Not a problem for us, just letting you know.",
        "Small query on {inv}: the line description says 'misc. charges'. Could you tell me what that covers? Just so we can code it correctly.",
    ],
    detail=[
        "I have attached the PO and the delivery note for reference.",
        "Our AP system will not release payment until the invoice matches the purchase order.",
        "The rest of the invoice looks fine, it is only this line.",
        "This happened on the previous invoice as well, so maybe the price in your system needs updating.",
        "We are happy to pay the correct amount as soon as we have the corrected document.",
        "Our buyer {first2} confirmed the agreed price by email on {past2}.",
        "The contract reference is FA-{year}-0{n}.",
        "We have already paid the part of the invoice that is not in question.",
        "I've highlighted the lines in question on the attached copy.",
        "It's probably a simple keying error, but I need it fixed before I can book it.",
        "Our goods receipt was posted on {past} for the lower quantity.",
        "Please send the corrected invoice to the AP mailbox rather than to me.",
        "Could you also confirm the correct price for the next orders?",
    ],
    secondary=[
        "Also, the amount on {inv} does not match our PO, so please check the pricing while you are at it.",
        "On top of that, {inv} charges freight that was already included in the price.",
        "By the way, the total on the invoice is {amt2} higher than the order confirmation.",
        "The invoice also shows the wrong quantity, which needs correcting too.",
        "And I think the discount we agreed was not applied on {inv} either.",
    ],
)

BANK["invoice-copy"] = dict(
    subjects=[
        "Copy of invoice {inv}", "Invoice copy request", "Resend invoice {inv} please",
        "Missing invoice", "PDF of invoice {inv}", "Portal access - cannot see invoices",
        "Request: duplicate invoice", "Invoices for {month}", "Need invoice copies for audit",
        "invoice not received", "Original invoice for customs", "Can't download invoice from portal",
        "Invoice {inv} - please send again", "copy", "Invoice PDF missing",
        "E-invoice not received", "Signed invoice required", "invoice {inv}",
        "Portal login", "Re-send of invoices",
    ],
    core=[
        "Could you please send us a copy of invoice {inv}? We never received the original.",
        "Please resend invoice {inv} as a PDF, the one we got is corrupted and won't open.",
        "Our auditors have asked for copies of all invoices you issued to us in {month}.",
        "I can't see invoice {inv} in the customer portal, only the older ones. Can you check my access?",
        "We need a copy of the invoice for order {po}; it seems to have got lost in our AP inbox.",
        "The portal login for our AP team stopped working, so we cannot download invoices any more.",
        "Please send a copy of the invoice with stamp and signature, customs need it to clear {ship}.",
        "Could you resend the invoice for {ship}? I only have the delivery note.",
        "We need the invoice in XML e-invoicing format for our system, not only the PDF.",
        "Please send me invoices {inv} and {inv2} again, both as separate PDFs.",
        "My colleague {first2} has left the company and invoices were going to her address. Could you send {inv} to me instead?",
        "Is it possible to get a duplicate of invoice {inv}? The original went to our old address.",
        "Please send all invoices that are currently open as PDFs in one email, if possible.",
        "I am reconciling our account and I'm missing invoice {inv}. Could you email it?",
        "We only received page 1 of invoice {inv}; please resend the complete document.",
        "Could you set up portal access for our new AP clerk {first2} {last} so she can download invoices herself?",
        "Where do I find the invoices in the new portal? The menu has changed and I can't see them.",
        "Please send an invoice copy for reference {inv}, amount {amt}.",
        "Our scanning provider lost a batch of paper invoices. Could you send everything dated after {past2} electronically?",
        "The invoice for order {po} never reached us. Our supplier number with you is {acct}.",
        "Could you send a copy of the invoice including the packing list for {ship}? Our warehouse needs to match them.",
        "Our bank needs certified copies of invoices {inv} and {inv2} for the documentary collection.",
        "We have a new AP system and need copies of all invoices still open to load them.",
    ],
    nonnative=[
        "Please kindly send us copy of invoice {inv}, we did not receive it.",
        "We need the invoice original for the customs, please send by courier.",
        "Kindly share the invoice PDF of our order {po}, thank you.",
        "We cannot download the invoice from portal, it say error. Please send by mail.",
        "Please to send again the invoice {inv}, our accountant is asking.",
        "Invoice {inv} is missing in our system, can you resend please.",
        "We request you to provide duplicate copy of invoice no. {inv}.",
        "Please send me the invoice of last shipment, I did not find in email.",
    ],
    low=[
        "When you have a moment, could you send a copy of {inv} for our records?",
        "Please send copies of invoices {inv} and {inv2}. It's only for our filing, they are already paid.",
        "Could I get a PDF copy of {inv}? Our auditor asked for a sample.",
        "Hi, I just need a duplicate of {inv} for our files. Thanks!",
        "Can you send me the invoices from {month} in one zip file? Just for the archive.",
        "Could you add me to the invoice distribution list going forward? I'm the new AP contact.",
        "Could you resend invoice {inv}? I deleted the email by accident. Thanks a lot.",
        "Do you have a way to download several invoice PDFs at once in the portal? It would save me some clicks.",
        "Could you resend the invoices for {month}? I'm rebuilding our archive after the system change, so there's no hurry.",
        "Please send a copy of {inv} to our auditors; it is one of their samples.",
        "Would it be possible to get the invoices as one PDF per month from now on? Just a preference.",
        "Can you send me a copy of credit note {cn} for our files?",
        "Could you email me a duplicate of {inv}? I need it to complete our fixed-asset register.",
        "Small request: could you copy me on invoice emails in future, as well as the AP mailbox?",
    ],
    detail=[
        "It should be addressed to {company}, not to our parent company.",
        "A scan is fine, we don't need the paper original.",
        "I checked the spam and junk folders, nothing there.",
        "The invoice amount should be around {amt} if that helps you find it.",
        "It's for {ship} from {past2}.",
        "We are closing the books for {month} and this is the last missing document.",
        "Please send it to me directly as well as to the AP mailbox.",
        "The portal says 'document not available' when I click on it.",
        "The password reset email never arrives.",
        "Our customer number is {acct}.",
        "Other invoices from the same week came through fine.",
    ],
    secondary=[
        "Could you also send me a copy of {inv2}? I can't find it anywhere.",
        "While you're at it, please resend {inv2} as a PDF, the portal won't let me download it.",
        "And please send a copy of the corrected invoice once it is ready.",
        "Also, we're missing the PDF for {inv2}, could you email it?",
        "Separately, I need copies of the invoices for {month} for our auditors.",
    ],
)

BANK["payment-status"] = dict(
    subjects=[
        "Payment for invoice {inv}", "Did you receive our payment?", "Remittance - {pay}",
        "Payment confirmation", "Payment sent {recent}", "Status of our payment",
        "Invoice {inv} still showing open", "Payment not allocated", "Unapplied cash?",
        "RE: Reminder {inv}", "Payment of {amt}", "Proof of payment attached",
        "Query - payment received?", "Cheque sent", "Statement shows unpaid items", "payment",
        "remittance advice", "Paid invoices still open",
    ],
    core=[
        "We paid invoice {inv} on {recent} by bank transfer (ref {pay}). Can you confirm you have received it?",
        "Your reminder lists {inv} as unpaid, but we paid it on {past}. Please check your records.",
        "Could you confirm that our payment of {amt} has been applied to invoices {inv} and {inv2}?",
        "Our bank shows the transfer of {amt} as executed on {recent}. Has it arrived on your side?",
        "We made one payment covering several invoices and emailed the remittance advice to your AR team. Can you confirm it was allocated correctly?",
        "The statement you sent still shows {inv} as open although we paid it. Is the payment sitting unallocated?",
        "Can you tell me which invoices are still unpaid on our account {acct}?",
        "We sent a cheque for {amt2} on {past}; please confirm it has been received and banked.",
        "Please confirm receipt of our payment for order {po}; our management wants confirmation.",
        "I attached the SWIFT confirmation for the payment of {amt}. Could you please confirm receipt?",
        "We paid {amt} but quoted the wrong invoice number ({inv2} instead of {inv}). Could you move the payment to the correct invoice?",
        "Has our payment {pay} been received? It left our account on {recent}.",
        "Our payment run on {recent} included {inv}. Does it show as paid on your side now?",
        "We paid by card through your portal, but the invoice still shows as due.",
        "Could you let me know if anything is still outstanding on our account after the payment on {recent}?",
        "Your collections team called about {inv}. We paid that invoice, please see the remittance below.",
        "The payment for {inv} was made from our parent company's account, {company2}. Please make sure it is applied to our account.",
        "We paid {inv} in two parts, {amt2} on {past2} and the rest on {recent}. Is it fully cleared now?",
        "We paid {amt} on {recent}; your portal still shows the full balance. How long does it take for payments to show?",
        "Can you confirm the date you received our payment for {inv}? We need it for our interest calculation.",
        "We paid {inv} by direct transfer, as it wasn't covered by the LC; please don't wait for the bank documents.",
    ],
    nonnative=[
        "We already make the payment for invoice {inv} on {recent}, please confirm you receive.",
        "Kindly confirm the receipt of payment {amt} sent by our bank.",
        "Please check, we have transfer the money last week but your system still show open.",
        "Payment is done, attached the swift copy. Kindly update your records.",
        "Please advise if our payment is received or not, our director is asking.",
        "We are paid this invoice already, why we get reminder?",
        "Please confirm the amount {amt} is credited in your account.",
        "Can you check payment {pay}, we send on {recent} but no confirmation until now.",
    ],
    low=[
        "Just checking that our payment from {recent} came through fine. Only for our records.",
        "Could you send a short confirmation that {inv} is settled? Our auditors like to have it in writing.",
        "Quick one: has the payment we sent on {recent} been applied? Thanks.",
        "For our year-end file, please confirm the account balance was zero after the payment on {past}.",
        "Just to let you know, we paid {inv} today. Remittance attached for your convenience.",
        "Thanks for confirming receipt of our payment last week. Could you send the updated statement when it's ready?",
        "Payment for {inv} is scheduled in our next run; just letting you know so you don't need to chase.",
        "Could you confirm that credit note {cn} was used against {inv}? Just tidying up our ledger.",
    ],
    detail=[
        "Remittance: {inv} {amt2}, {inv2} {amt3}.",
        "The value date on our side was {recent}.",
        "Our bank is {bank}, in case that helps trace it.",
        "Payment reference used: {pay}.",
        "I've attached the bank confirmation.",
        "Please send an updated statement once it is applied.",
        "We would like to avoid further reminders on this.",
        "The payment was made in {cur}, as invoiced.",
        "It went out in our normal {weekday} payment run.",
        "If you can't find the amount, please send me your bank's reference so I can ask our bank to trace it.",
    ],
    secondary=[
        "Can you also confirm that our last payment ({pay}) was received?",
        "Please also let me know if the payment we made on {recent} has been applied.",
        "While you look at this, could you check whether {inv2} shows as paid? We sent the money on {past}.",
        "Also, your reminder for {inv2} crossed with our payment; please confirm it's cleared.",
    ],
)

BANK["payment-terms"] = dict(
    subjects=[
        "Payment terms", "Request to extend payment terms to net {days2}",
        "Early payment discount", "Change of due date", "Terms on new contract",
        "Net 30 vs net 60", "Skonto", "Payment terms on invoice {inv}", "Question about due dates",
        "Terms for next year", "Discount for early payment?", "Due date calculation",
        "Terms - end of month", "payment conditions", "Extension of payment terms",
    ],
    core=[
        "Our contract says net {days2}, but your invoices show net {days}. Could you correct the payment terms in your system?",
        "We would like to ask whether we could move from net {days} to net {days2} from next quarter.",
        "Do you offer an early-payment discount? We could pay within 10 days if there were something like {pct} off.",
        "We paid {inv} within 10 days and took the {pct} early-payment discount as per our agreement. Please confirm this is fine.",
        "Can the due date of {inv} be moved to {future}? Our payment runs are only on the 15th and the last day of the month.",
        "How do you calculate the due date: from the invoice date or from the delivery date?",
        "Our new group policy requires net {days2} from all suppliers starting January. Please let us know if you can accept this.",
        "Could you align the due dates of your invoices with our month-end payment run?",
        "The terms on {inv} say 'due on receipt', but we have always had net {days} with you.",
        "We'd like to discuss moving to end-of-month plus {days} days instead of terms from the invoice date.",
        "Is the {pct} discount for payment within 10 days still available? It's no longer printed on your invoices.",
        "For the new framework agreement, procurement asked me to check whether you accept net {days2} with {pct} discount at 14 days.",
        "Our bank offers a supply chain finance programme; would you join it, so we can extend terms and you still get paid early?",
        "Please confirm the payment terms for our new account; we were told net {days} at onboarding.",
        "Why did you refuse our early payment discount on {inv}? We paid within the discount period.",
        "Can we agree that invoices for order {po} are due 30 days after acceptance of the goods rather than after shipment?",
        "Would you consider quarterly invoicing for the service fees, with payment at the end of each quarter?",
        "We'd like to pay by direct debit; would that change our payment terms?",
        "Your new invoices show net 14 instead of net {days}. Was this change intended? Nobody told us about it.",
    ],
    nonnative=[
        "Please we ask to change the payment term to {days2} days, is this possible?",
        "What is the payment condition for our orders? In the invoice is written {days} days but contract say different.",
        "Kindly inform if there is discount when we pay before due date.",
        "We request to shift the due date of invoice {inv} to end of month because of our payment cycle.",
        "Could you give us better payment terms for next year, we are customer since {year}.",
        "Please confirm payment terms net {days2} as discussed with your sales Mr. {last}.",
        "Is possible to have {days2} days for pay instead {days}?",
    ],
    low=[
        "Just for my understanding: are your standard terms net {days} from the invoice date or from the end of the month?",
        "Could you send me your general terms and conditions, specifically the payment section? Only for our vendor file.",
        "Is there an early payment discount on your invoices? Just asking for our planning, no change needed right now.",
        "Can you confirm our current payment terms? Our new ERP needs them in the vendor master.",
        "Out of interest, do your payment terms count calendar days or business days?",
        "Do your payment terms change over the holidays, or do December invoices follow the normal schedule?",
        "Could you confirm that the early payment discount also applies to service invoices? Just for my notes.",
        "Are partial payments within the discount period eligible for the discount? Asking for our AP guidelines.",
    ],
    detail=[
        "We have been a customer since {year} and have always paid on time.",
        "Our volumes with you will roughly double next year.",
        "Most of our other suppliers are already on net {days2}.",
        "This would not change the amounts, only the timing.",
        "Please let me know who I should speak to about this if it isn't you.",
        "Happy to set up a quick call to discuss.",
        "Our payment runs are on {weekday}s.",
        "The contract is attached; see clause 7.2 on payment.",
        "Longer terms would also help us stay within our credit limit.",
    ],
    secondary=[
        "Could we also discuss moving our terms to net {days2}?",
        "At the same time we'd like to ask whether the due dates can be aligned with our month-end payment run.",
        "And going forward, could the payment terms be extended to {days2} days?",
        "Also, is the {pct} early payment discount still on offer?",
    ],
)

BANK["credit-limit"] = dict(
    subjects=[
        "Credit limit increase", "Request for a higher credit line", "Order waiting for credit approval",
        "Credit approval for order {po}", "Credit limit review", "Credit application",
        "Increase of credit limit to {newlimit}", "credit line", "Trade credit for next year",
        "Credit check documents", "Temporary credit limit increase", "Open account instead of prepayment",
        "credit limit", "Our limit was reduced",
    ],
    core=[
        "We would like to request an increase of our credit limit from {limit} to {newlimit}.",
        "Our order {po} needs credit approval because it takes us over our credit limit. Can you approve it as an exception?",
        "Could you review our credit line? With the new season our orders will be larger than usual.",
        "What documents do you need to approve a higher credit limit? We can send our latest audited financial statements.",
        "Is it possible to get a temporary credit limit increase for the next two months?",
        "Your sales team told us our credit application was approved, but the system still shows a limit of {limit}.",
        "We are a new customer and would like to apply for a credit account instead of paying in advance.",
        "Our credit limit was reduced without notice. Could you explain why and whether it can be restored?",
        "We have won a large contract and will need a credit line of around {newlimit} from next month.",
        "How much headroom do we have left on our credit limit after the last invoices?",
        "Can you approve order {po} for {amt} on credit? We will pay the open invoices next week.",
        "We'd like to combine the credit limits of our two entities, {company} and {company2}.",
        "Please send the credit application form so we can apply for open account terms.",
        "We can offer a bank guarantee or credit insurance cover if that helps to raise the limit.",
        "Your credit team asked for our management accounts; they are attached. Please let us know when the limit review is done.",
        "Is our credit limit shared across all your group companies or set per entity?",
        "Could the limit be raised just for the order {po} shipment and then go back to normal?",
        "We paid down most of the balance last week, so there should be room under our limit again. Can you release order {po}?",
        "Our order {po} is waiting for credit approval. Could you approve it, or tell us what you need from us?",
        "Can we buy on open account from now on, instead of paying every order in advance?",
        "Your credit department asks for a bank guarantee before approving larger orders. What amount would be needed?",
        "Your credit check flagged us because of an error in our agency rating; the corrected report is attached. Can our account be reassessed?",
    ],
    nonnative=[
        "Please kindly increase our credit limit, our orders is growing.",
        "We need more credit line for new project, please advice the procedure.",
        "Our order is waiting because of credit, please approve it.",
        "We want apply for credit facility with your company, which documents you need?",
        "The credit limit given to us is too small for our business, please review.",
        "Kindly approve credit for our PO {po}, payment will be done as usual.",
        "Why our credit limit is reduce? We always pay on time.",
    ],
    low=[
        "For our budgeting, could you tell us what our current credit limit is?",
        "General question: how often do you review customer credit limits?",
        "Could you confirm in writing the credit limit you have set for us? Our auditors asked for it.",
        "Next year we might need a bigger limit. Nothing to do now, but what would you need from us when the time comes?",
    ],
    detail=[
        "Our payment history with you has been clean since {year}.",
        "Attached are the financial statements for {year} and the latest management accounts.",
        "We can provide a parent company guarantee from {company2}.",
        "Our turnover grew by {pct2} this year.",
        "We expect to place orders of around {amt} per month.",
        "The open balance right now is {amt2}.",
        "Our rating with the credit agencies was recently upgraded.",
        "Let me know if you need references from other suppliers.",
    ],
    secondary=[
        "Could you also look at our credit limit? We are close to it and have more orders coming.",
        "We'd also like to ask for a higher credit line while you're reviewing our account.",
        "And please check why our next order is waiting for credit approval.",
        "Also, could the credit limit be raised to {newlimit}?",
    ],
)

BANK["dispute"] = dict(
    subjects=[
        "Dispute - invoice {inv}", "Formal dispute", "Deduction on payment {pay}",
        "Short payment explanation", "Quality complaint - payment withheld", "Chargeback",
        "Disputed charges", "We dispute invoice {inv}", "Notice of dispute",
        "Claim for damaged goods", "Rejected goods - invoice {inv}", "Debit note {cn}",
        "Complaint", "Defective {product}", "Invoice {inv} not accepted",
    ],
    core=[
        "We formally dispute invoice {inv}. The goods delivered did not meet the agreed specification and we will not pay until this is resolved.",
        "We have deducted {amt2} from our payment of {inv} because of the damaged goods we reported on {past}.",
        "Please note we short-paid {inv} by {amt2}. The services in line 3 were never performed.",
        "We are withholding payment of {inv} until the quality issue with the last batch is resolved.",
        "Our customer rejected the goods and we have raised a claim; please mark {inv} as disputed.",
        "The {product} from order {po} failed our incoming inspection. We are returning them and dispute the invoice.",
        "We issued a debit note of {amt2} against invoice {inv} for the missing items.",
        "Our card issuer has opened a chargeback for the payment of {past} because the service was not provided.",
        "We never ordered the items billed on {inv} and dispute the full amount.",
        "The installation was never completed, so we dispute the final invoice {inv} for {amt}.",
        "We dispute the penalty interest charged on {inv}; the delay was caused by your late delivery.",
        "Your reply to our complaint of {past2} did not address the defects. We maintain our dispute of {inv}.",
        "Please take this email as formal notice that we dispute the charges on {inv} and {inv2}.",
        "We have an open quality complaint about the {product}; until it is closed, payment of {inv} is suspended on our side.",
        "We accept part of the invoice but dispute {amt2} for extra hours that were never approved.",
        "The service levels in the contract were missed in {month}, so we applied the agreed service credit and deducted it from {inv}.",
        "The {product} corroded within weeks. We consider the delivery defective and will not settle {inv} as it stands.",
    ],
    nonnative=[
        "We not accept invoice {inv} because material is not good quality, we send photos.",
        "Please note we are deducting {amt2} from payment for the broken items.",
        "The goods is defect, we will not pay until you replace.",
        "We make claim for this delivery, invoice {inv} is disputed.",
        "Sorry but we cannot pay full amount, half of the boxes are wet and damaged.",
        "Kindly note we have paid less because the quantity was short.",
        "Your technician did not finish the work, so we refuse to pay this invoice.",
    ],
    low=[
        "Just to close the loop: we accept your explanation on {inv} and withdraw our dispute. The deducted amount goes out in the next payment run.",
        "Following our call, the dispute on {inv} can be closed; we agree with the solution you proposed.",
        "For your records, our earlier deduction of {tiny} on {inv} was a mistake by our clerk and has now been paid.",
    ],
    detail=[
        "Photos and the inspection report are attached.",
        "Our quality team reported the issue to your sales rep {first2} on {past}.",
        "We are prepared to pay the undisputed part of {amt3} straight away.",
        "The goods are available for collection at our warehouse in {city}.",
        "Please confirm that no reminders or interest will be sent for the disputed amount.",
        "This is not the first time we have had this problem with this product.",
        "Our claim reference is CLM-{year}-{qty}.",
        "We would prefer a replacement delivery rather than a credit, if possible.",
    ],
    secondary=[
        "Please also register this as a formal dispute; we will not pay the difference until it's corrected.",
        "Until this is fixed we have short-paid the invoice by the amount in question.",
        "We have therefore deducted {amt2} from our last payment.",
        "Consider {inv} disputed until we receive a corrected document.",
    ],
)

BANK["refund"] = dict(
    subjects=[
        "Refund request", "Overpayment - please refund", "Credit note request",
        "Refund of duplicate payment", "Money back for returned goods", "Credit balance on our account",
        "Refund {amt2}", "Where is our refund?", "Request for credit note - {inv}",
        "Return of deposit", "Prepayment refund - cancelled order {po}", "refund",
        "Double payment", "Credit note {cn} not paid out",
    ],
    core=[
        "We paid invoice {inv} twice by mistake ({amt2} on {past2} and again on {past}). Please refund the second payment.",
        "We have a credit balance of {amt2} on our account. Could you transfer it back to us instead of keeping it on account?",
        "Please issue a credit note for the goods we returned on {past} under your return authorisation.",
        "Our order {po} was cancelled before shipment; please refund the prepayment of {amt}.",
        "You promised a credit note for the price difference on {inv} back on {past2}. We still haven't received it.",
        "When can we expect the refund for the overpayment on {inv}? It has been a few weeks.",
        "Please refund the deposit of {amt2} paid for the returnable containers; they went back on {past}.",
        "We overpaid {inv} by {tiny} because of a keying error on our side. Could you refund it or offset it against the next invoice?",
        "Could you confirm the credit note {cn} has been issued and when the money will be paid back?",
        "We were charged for a subscription we cancelled; please refund the last two months.",
        "Instead of a credit note we'd prefer a refund to our bank account, as we are not planning further orders this year.",
        "The credit note {cn} should be paid out to us; it was never offset against any invoice.",
        "Please refund the {amt2} we paid for the training course you cancelled.",
        "The rebate for {year} was agreed at {pct} of turnover. Can you issue the credit note and pay it out?",
        "Our card was charged {amt2} twice in the portal. Please reverse one of the charges.",
        "We returned {qty2} items from {ship}; please send a credit note for them.",
        "The refund you sent on {recent} was {tiny} short of the credit note amount. Could you check?",
    ],
    nonnative=[
        "Please return our money for the double payment, details attached.",
        "We are waiting for the refund since long time, please update.",
        "Kindly issue credit note for the returned goods, they are in your warehouse since {past}.",
        "We paid two times invoice {inv}, please refund one payment to our account.",
        "Please transfer back the advance payment, the order is cancel.",
        "Credit note is promised by your salesman but we did not receive yet.",
    ],
    low=[
        "Could you let us know when the small credit balance of {tiny} will be refunded? We could also just leave it on account.",
        "Just confirming we received the refund for {inv}. Thanks for sorting it out.",
        "Can you tell me whether credit notes are refunded automatically or only on request? Asking for future reference.",
        "The refund arrived today, thank you. Please send the matching credit note for our books when you can.",
    ],
    detail=[
        "Our bank details for the refund are the same as on file.",
        "Both payment confirmations are attached.",
        "Please send the credit note to our AP mailbox so we can book it.",
        "The return was signed for by your warehouse on {past}.",
        "We would rather not have it offset, as no new order is planned.",
        "Please confirm the expected date of the refund.",
        "Our internal reference for this is RF-{qty}.",
    ],
    secondary=[
        "If anything was paid twice, please refund the excess to our account.",
        "Any overpayment should be refunded to us rather than kept on account.",
        "We'd also like the credit balance on our account paid back to us.",
        "Please also refund the difference once you've checked.",
        "We'd like a credit note for the difference, not just a corrected invoice.",
    ],
)

BANK["letter-of-credit"] = dict(
    subjects=[
        "LC {lc} - amendment request", "Documents under LC {lc}", "Discrepancies on LC {lc}",
        "LC validity", "Letter of credit for order {po}", "Draft LC for review",
        "L/C {lc} presentation", "Documentary credit - shipment date", "LC confirmation",
        "Amendment of latest shipment date", "Discrepancy notice from {bank}",
        "LC terms - please check", "L/C draft", "LC {lc}",
    ],
    core=[
        "Please find attached the draft letter of credit for order {po}. Could you check the terms before our bank issues it?",
        "Our bank {bank} tells us the documents presented under LC {lc} contain discrepancies: the invoice amount exceeds the credit and the B/L date is after the latest shipment date.",
        "We need to amend LC {lc} to extend the latest shipment date to {future}. Please confirm you agree to the amendment.",
        "Which documents will you present under LC {lc}? Our bank expects the commercial invoice, packing list, B/L and certificate of origin.",
        "LC {lc} has been issued by {bank}; the advising bank should contact you shortly.",
        "Do you accept the discrepancies on LC {lc}? We are willing to waive them if you confirm.",
        "The beneficiary name in LC {lc} has a spelling mistake; we have asked our bank to amend it.",
        "Can you confirm whether you need the LC to be confirmed by your bank?",
        "The invoice under LC {lc} must show the LC number and the exact goods description from field 45A.",
        "We would like to increase LC {lc} by {amt2} to cover the additional items on order {po}.",
        "Are partial shipments allowed under LC {lc}? The order might go in two lots.",
        "Our bank asks whether the insurance certificate should cover 110% of the invoice value.",
        "Could you send us copies of the documents presented under LC {lc} so we can check them before acceptance?",
        "The 21-day presentation period may be too short given the transit time; can we agree on 30 days?",
        "We are moving from LC to open account; can order {po} still ship under the existing LC {lc}?",
        "Please issue the commercial invoice for exactly the LC amount ({amt}), not the order total.",
        "Which bank charges under LC {lc} are for our account? The credit says all charges outside the issuing country are for the beneficiary.",
        "The issuing bank has sent a discrepancy notice on LC {lc} because the certificate of origin is not signed.",
    ],
    nonnative=[
        "Kindly check the LC draft and confirm it is ok for you before we open.",
        "Our bank say there is discrepancy in your documents, the invoice is not same as LC.",
        "Please send original documents as per LC terms to our bank, not to us.",
        "We will open LC this week, please advise your bank details for advising.",
        "Please confirm the shipment date so we can make the LC amendment.",
        "In the LC draft please check the description of goods and the port of loading.",
    ],
    low=[
        "For our next orders, do you generally accept sight LCs issued by {bank}? Just checking before we plan.",
        "Could you send us your standard LC instructions (beneficiary name, address, advising bank)? For our files.",
        "Thanks for the clean presentation under LC {lc}; our bank paid without any comments.",
        "For information: LC {lc} has been fully drawn and can be closed on our side.",
    ],
    detail=[
        "The LC is subject to UCP 600.",
        "Port of loading is {city}, port of discharge as per our order.",
        "Payment is at sight.",
        "Payment is 90 days after B/L date.",
        "Our contact at the issuing bank is {first2} {last} in trade finance.",
        "Please make sure the packing list and the invoice show the same weights.",
        "A copy of the MT700 is attached.",
        "The LC amount is {amt}.",
    ],
    secondary=[
        "As the goods are shipped under LC {lc}, the documents will have to match the changed invoice.",
        "This will also need an amendment of the letter of credit {lc}.",
        "Please keep in mind that LC {lc} only allows one presentation.",
        "Our bank will need amended documents for the LC as well.",
    ],
)

BANK["logistics-billing"] = dict(
    subjects=[
        "Delayed delivery - invoice {inv}", "Partial delivery billed in full", "Damaged goods",
        "Shipment not received but invoiced", "Delivery short", "Invoice for goods not delivered yet",
        "Late shipment and payment", "Missing pallets", "Delivery date changed", "Backorder invoiced",
        "Goods arrived damaged", "Freight delay - please hold invoice", "{ship}",
        "delivery problem", "Short shipment on PO {po}",
    ],
    core=[
        "We received an invoice for order {po} but the goods have not been delivered yet. Can you hold the invoice until delivery?",
        "Only {qty2} of the {qty} items on order {po} were delivered, but invoice {inv} is for the full quantity.",
        "{ship} arrived with several damaged cartons. How should we handle payment of {inv} for the damaged part?",
        "The delivery was {weeks} weeks late, and under our contract the payment term runs from delivery, not from the invoice date.",
        "Your invoice {inv} is dated {past2}, but the goods only left your warehouse on {recent}. Please re-date the invoice to the shipping date.",
        "Part of the order is on backorder; please invoice only what was shipped.",
        "The carrier lost one pallet of {ship}. Please don't charge us for it; we've filed a claim with the forwarder.",
        "The {product} came in three separate shipments. Could we get one invoice per shipment so we can match them?",
        "Your logistics team told us the shipment will be {weeks} weeks late. Does that change the due date of {inv}?",
        "The goods were delivered to the wrong site ({city}) and had to be re-shipped at our cost.",
        "The incoterms on order {po} are DDP, but we were charged import duties on arrival.",
        "The delivery date on invoice {inv} doesn't match the proof of delivery.",
        "Half of the {product} arrived wet because the container was damaged in transit. How do you want to handle the invoice?",
        "We refused {ship} because the packaging was damaged. Please cancel the related invoice.",
        "Demurrage was charged because your agent released the container late; we don't think that should be for our account.",
        "The last consignment was short-shipped by {qty2} units, but invoice {inv} shows the full amount of {amt}.",
        "The goods for {po} are still in transit, but your invoice is already due according to the portal.",
    ],
    nonnative=[
        "The goods is not arrived yet but we receive already invoice, please explain.",
        "Delivery is coming late {weeks} weeks, so we cannot pay the invoice now.",
        "We receive only part of the goods, please make invoice only for delivered quantity.",
        "Some boxes are broken when arrive, photos attached, please advise how to proceed with the payment.",
        "Container is still in port, why we get invoice already?",
        "The truck come with less pallets than in invoice.",
    ],
    low=[
        "FYI: {ship} arrived complete today, so you can go ahead with the invoice you were holding back.",
        "Could you tell us whether you normally invoice on shipment or on delivery? For our planning.",
        "Thanks for splitting the invoices per delivery last time; please keep doing it that way.",
        "The missing carton from {ship} turned up in our other warehouse, so please ignore my earlier message about the invoice.",
    ],
    detail=[
        "The proof of delivery shows {qty2} pallets instead of {qty}.",
        "We noted the damage on the CMR when the driver arrived.",
        "Photos of the damaged goods are attached.",
        "The forwarder's reference is {ship}.",
        "We will pay for the delivered part as normal.",
        "Tracking has shown the goods in transit since {past}.",
        "Our warehouse in {city} can confirm the receipt date.",
        "We'd like a corrected invoice once the rest is delivered.",
        "This order is on open account, not under the LC we used last year.",
    ],
    secondary=[
        "On top of that, the delivery was late and incomplete, so the billed quantity is not right.",
        "Note that the goods also arrived {weeks} weeks late, which affects when we pay.",
        "The delivery itself was short by {qty2} units, which should be reflected on the invoice.",
        "This is all linked to the delayed {ship}.",
    ],
)

BANK["debt-restructuring"] = dict(
    subjects=[
        "Payment plan request", "Request for instalments", "Difficulties to pay",
        "Proposal - rescheduling of outstanding balance", "Hardship", "Open balance - can we agree a plan?",
        "Restructuring of our debt", "Deferral request", "Our cash flow situation",
        "Instalment agreement", "Missed instalment", "Standstill request", "payment arrangement",
    ],
    core=[
        "After a difficult quarter we can't pay the full open balance of {amt} at once. Could we agree a payment plan of {n} monthly instalments?",
        "We would like to propose paying the outstanding invoices in {n} instalments starting {future}.",
        "Our main customer went into administration and we are short of cash. We'd like to discuss rescheduling the open amount.",
        "Could you agree to defer payment of {inv} and {inv2} by {weeks} weeks while we finalise a refinancing?",
        "We missed the instalment due on {past} under our payment plan. Can the remaining instalments be rescheduled?",
        "We are asking all our suppliers for a 60-day standstill on open invoices while our bank approves a new facility.",
        "Would you accept weekly payments of {amt2} until the balance is cleared?",
        "Attached is our cash flow forecast showing we can pay the full balance by the end of Q2.",
        "Could part of the debt be converted into a longer-term arrangement with interest?",
        "We are going through a restructuring and have appointed an advisor, who will contact you about the open balance.",
        "We'd like to pay {amt2} now and the rest in {n} instalments. Is that acceptable?",
        "The flood at our warehouse in {city} has hit our sales badly; we need some flexibility on the open invoices.",
        "Can we extend the existing instalment plan by {n} months and lower the monthly amount?",
        "Is there a hardship procedure? We'd like to avoid our account being blocked while we recover.",
        "Our business is seasonal and cash comes in from March; could the open balance be repaid from then?",
    ],
    nonnative=[
        "We have problem with cash flow, please accept to pay in {n} parts.",
        "Kindly give us more time to pay, business is very slow this months.",
        "We propose to pay {amt2} every month until the debt is finish.",
        "Please consider our situation, we want to pay but need installments.",
        "Our company is in difficult situation after the strike, can we reschedule the payment?",
    ],
    low=[
        "Thank you for agreeing the payment plan. Could you send the schedule in writing so our accounts team can set up the transfers?",
        "Just to confirm, the final instalment under our plan was paid on {recent}, so the plan should be complete now.",
        "For our records: what is the remaining balance under the instalment agreement after the {month} payment?",
    ],
    detail=[
        "We value our relationship with you and intend to settle everything.",
        "Our total open balance with you is {amt}.",
        "We can sign an acknowledgement of debt if needed.",
        "The first instalment could be paid on {future}.",
        "We have been a reliable customer since {year}.",
        "Our accountant {first2} {last} can share the latest figures.",
        "We understand interest may apply on the deferred amount.",
        "Our other suppliers have agreed to similar arrangements.",
        "We understand our credit limit may be suspended while the plan runs.",
    ],
    secondary=[
        "If this is not possible, could we at least agree a short payment plan for the remainder?",
        "We may need to pay the rest in instalments over the next few months.",
        "Given our cash position, a payment plan for the open amount would really help.",
        "We'd also like to discuss rescheduling the other open invoices.",
    ],
)

BANK["kyc-master-data"] = dict(
    subjects=[
        "Change of bank details", "New company address", "Company name change", "KYC documents",
        "Updated beneficial ownership", "KYC renewal", "Change of our legal entity name",
        "Onboarding documents", "Update of customer master data", "New VAT number",
        "KYC questionnaire", "Change of registered office", "Authorised signatories update",
        "Update contact details", "Know your customer - documents attached",
    ],
    core=[
        "Please find attached the KYC documents you requested: certificate of incorporation, list of directors and proof of address.",
        "Our company moved to a new address on {past}. Please update your records and use the new address on all invoices.",
        "We have changed our legal name from {company2} to {company}. The registration number stays the same.",
        "Following a change in shareholders, the updated beneficial ownership declaration is attached.",
        "Your compliance team asked for our KYC renewal. Could you confirm which documents are still missing?",
        "Please update our VAT number in your system; the new one is on the attached certificate.",
        "We received your KYC questionnaire. Some of the questions about sanctioned countries are unclear; can someone help?",
        "Please update the list of authorised signatories; {first2} {last} has left the company.",
        "Our new CFO is {first2} {last}; please add her as a contact and remove her predecessor.",
        "Can you tell us which documents you need to complete our onboarding? We'd like to start ordering.",
        "The certified copy of our director's passport is attached, as requested for the KYC review.",
        "We merged with {company2}; from {future} all business will run under the merged entity.",
        "Please correct our company registration number in your records; it is shown incorrectly on your invoices.",
        "Our ultimate parent company has changed; please see the attached group structure chart.",
        "Can we upload the KYC documents through the portal instead of email? They contain personal data.",
        "Please change our contact email for statements and remittances to the new shared mailbox.",
    ],
    nonnative=[
        "Please update our company address, we moved to new office.",
        "Attached the documents for KYC, please confirm if all is ok.",
        "Our company name is changed, please change in your system also.",
        "Kindly find enclosed the renewed trade licence and the shareholders list.",
        "What documents are required for KYC update? Please send the list.",
        "The director is changed in our company, new director passport copy attached.",
    ],
    low=[
        "Just letting you know our phone number has changed; everything else stays the same.",
        "Could you send me the list of documents you hold on file for us? We're tidying up our compliance records.",
        "Our KYC is due for renewal next year; can you tell us roughly when you'll send the request?",
        "Please add {first2} {last} to the contact list for statements. Thanks.",
        "Please note that our accounts payable contact is now {first2} {last}; nothing else changes.",
        "Our office will move next spring; we'll send the new address when it's final. Just a heads-up.",
        "For your files, attached is this year's company registry extract. Nothing has changed.",
        "Our email domain will change next year; we'll let you know the date once it's set.",
        "Could you confirm which registered address you hold for us? Just double-checking our records.",
        "Attached is our new W-9 for your records, same details as before.",
    ],
    detail=[
        "The registry extract is dated {recent}.",
        "Our registration number has not changed.",
        "The documents are certified by a notary.",
        "Please confirm once your records are updated.",
        "Please send future correspondence to the new address.",
        "I can provide any further documents if needed.",
        "Our customer number is {acct}.",
        "The change is effective from {future}.",
        "Your credit team said our limit review is waiting for these documents.",
    ],
    secondary=[
        "Please also update our address on file, we've moved.",
        "Note that our company name has changed, so the invoice should be issued to the new name.",
        "We've also updated our beneficial ownership details; the new declaration is attached.",
        "Please make sure your KYC file reflects the new company details.",
    ],
)

BANK["treasury-fx"] = dict(
    subjects=[
        "Exchange rate on invoice {inv}", "Bank charges deducted", "Wire transfer details",
        "SWIFT details for payment", "Pay in {cur2} instead of {cur}?", "FX rate query",
        "Netting of invoices and credit notes", "Intermediary bank fees", "Currency of payment",
        "Payment in local currency", "Confirmation of your bank account", "MT103 request",
        "SEPA direct debit", "FX difference",
    ],
    core=[
        "Can we pay invoice {inv} in {cur2} instead of {cur}? If so, which exchange rate would you use?",
        "Your invoice {inv} was converted at a rate quite different from the ECB rate on the invoice date. Which rate do you apply?",
        "Please send us your full wire transfer details, including SWIFT/BIC and the correspondent bank for {cur} payments.",
        "You received {tiny} less than invoiced because of intermediary bank charges. We send all payments with OUR charges, so please check with your bank.",
        "Could we net the open invoices against your credit notes and only pay the balance?",
        "Our bank needs the MT103 / UETR of your transfer to trace it. Could you send it?",
        "Which of your bank accounts should we use for {cur} payments? The invoice shows two different IBANs.",
        "Is it possible to fix the exchange rate for the next three months of deliveries?",
        "Our treasury would like to pay all invoices in one monthly transfer in {cur}. Is that possible?",
        "Your bank rejected our payment because the beneficiary name didn't match. Can you confirm the exact account name?",
        "Who bears the FX difference if the payment is made in {cur2}?",
        "We would like to set up a SEPA direct debit instead of paying by wire.",
        "Please confirm the BIC {swift} is correct for your account at {bank}; our system flags it.",
        "Can we pay through a payment platform rather than SWIFT? The bank charges on small invoices are high.",
        "Our group treasury runs a netting centre; could you join our monthly netting cycle?",
        "The payment was sent in {cur} but your bank credited it in {cur2}, leaving a shortfall of {tiny}. Who covers the difference?",
    ],
    nonnative=[
        "Please send your bank details with SWIFT code for transfer in {cur}.",
        "Can we pay in our local currency? Transfer in {cur} is expensive for us.",
        "The bank has deducted charges from payment, please advise if we must pay the difference.",
        "Which exchange rate you use for the conversion in the invoice?",
        "Kindly confirm the intermediary bank for USD transfer.",
        "Our bank cannot find your SWIFT code, please check.",
    ],
    low=[
        "For our records, could you confirm the SWIFT/BIC of your {cur} account? Just updating our payment templates.",
        "General question: do you publish the exchange rate you use for invoices in foreign currency?",
        "Could you send a letter on your letterhead confirming your bank details? Our auditors want it on file.",
        "Out of interest, do you accept payments in {cur2}? Not needed now, but maybe next year.",
        "Can you tell me your cut-off time for same-day value on {cur} receipts? Just for planning.",
        "Is there a minimum amount for payments by wire? We sometimes have very small balances to settle.",
        "For information: future payments will come from our group's new treasury platform, so the remitter name will show our parent company.",
    ],
    detail=[
        "Our bank is {bank}.",
        "The amount in question is {amt2}.",
        "Attached is the SWIFT copy of the payment.",
        "We normally pay with charge option SHA.",
        "We'd like to avoid these charges on future payments.",
        "The rate on the invoice date was about 1.08; the invoice uses 1.12.",
        "Our treasury team ({first2}) is in copy.",
        "For future orders we might move from LC to open account, paying in {cur2}.",
    ],
    secondary=[
        "Also, which exchange rate will apply if we pay in {cur2}?",
        "Please also send the SWIFT details we should use for the payment.",
        "Could you also tell us who carries the bank charges on this transfer?",
        "And please confirm the correct account for {cur} payments.",
    ],
)

BANK["general"] = dict(
    subjects=[
        "Question", "Account statement", "Contact person for our account", "Thank you",
        "Who is our account manager?", "Statement of account request", "Information request",
        "Year-end balance confirmation", "Audit confirmation", "Hello", "Quick question",
        "Your new system", "Meeting request", "Feedback", "Finance contact", "thanks!",
    ],
    core=[
        "Our auditors need a balance confirmation as at 31 December. Please complete the attached form.",
        "We are changing our ERP system next month; is there anything you need from us on the finance side?",
        "I'd like to set up a short call with someone from your AR team to go through our account.",
        "We received a letter from you but I'm not sure what it is about. Could someone explain?",
        "Please confirm the balance of our account for our quarterly reconciliation.",
        "Could you fill in the attached questionnaire for our annual business partner review?",
        "Can someone explain the different reference numbers on your statement? We can't match them to anything.",
        "Our auditors want a letter confirming we have no agreements with you other than the main contract.",
        "Your new statement layout no longer shows our cost centres. Is there a way to get them back?",
        "Will your invoicing change after the system migration you mentioned?",
        "I got an email from your finance team but the attachment is missing.",
        "Which of your entities should we list as the supplier in our system, the local one or the group?",
    ],
    nonnative=[
        "Please send us account statement, thank you.",
        "Who is responsible person for our account in your company?",
        "Kindly provide balance confirmation for our audit.",
        "We want to know our total balance with your company.",
        "Please inform us the contact of finance department.",
    ],
    low=[
        "Thank you for your quick help with our account last week.",
        "Many thanks, all clear now.",
        "Thanks {agent}, received with thanks.",
        "Just wanted to say thanks for sorting everything out so quickly.",
        "Could you send me the name of our account manager? Just updating our supplier list.",
        "Please note I'm out of the office from {future} for two weeks; my colleague {first2} will cover.",
        "We're updating our supplier contacts. Is this still the right mailbox for finance questions?",
        "Could you send a statement of our account for our files? No action needed otherwise.",
        "Season's greetings to the whole finance team, and thanks for the good cooperation this year.",
        "Is your finance department open between Christmas and New Year?",
        "Thank you very much for your support, it is solved now.",
        "Received, thanks. Have a nice weekend.",
        "Could you tell me where to find your general terms in the portal?",
        "Could you send us a statement of account as of {recent}?",
        "Who is our contact in your finance team now that {first2} has left?",
        "Could you send an overview of all transactions on our account for {year}? Just for our archive.",
        "Please let me know who I should contact for finance questions going forward.",
        "Do you have a customer portal where we can see our account balance?",
        "Is there a general mailbox we should use for finance matters, rather than writing to individuals?",
    ],
    detail=[
        "Our customer number is {acct}.",
        "I've recently joined the AP team and am taking over this account.",
        "It's for the year-end closing.",
        "Email is best, I'm rarely at my desk.",
        "Please copy {first2} on the reply.",
    ],
    secondary=[],
)

# Blended asks for label combinations that genuinely occur together. Key: the labels, main first.
COMBOS = {
    ("logistics-billing", "letter-of-credit"): [
        "Our shipment under LC {lc} is {weeks} weeks late, so the B/L date will fall after the latest shipment date in the credit. Will you request the amendment or should we?",
        "Because only part of order {po} was shipped, the documents under LC {lc} will show less than the invoice. Can you issue a separate invoice for the shipped part so the presentation is clean?",
        "The goods under LC {lc} arrived damaged, and our bank asks whether we should still accept the documents. How will the invoice be adjusted?",
        "The vessel was delayed and the documents for LC {lc} reached our bank after the presentation period. The goods are here, but how do we settle the invoice now?",
        "Your partial shipment of {product} doesn't fit LC {lc}, which does not allow partial shipments. The invoice has to change and the LC must be amended.",
        "The forwarder moved the port of loading to {city}, which differs from LC {lc}. Invoice and B/L will have to follow the amendment.",
    ],
    ("logistics-billing", "letter-of-credit", "billing-discrepancy"): [
        "Our order {po} for {amt} is covered by letter of credit {lc}. The shipment is now {weeks} weeks late and only part of it will go, but invoice {inv} was issued for the full amount. Please adjust the billing so the invoice matches what ships, and confirm the new shipment date for the LC.",
        "{ship} under LC {lc} is delayed, and the invoice amount no longer matches either the LC or what is actually being delivered. We need a corrected invoice before the documents go to the bank.",
        "The delayed shipment for PO {po} means the invoice you issued on {past2} doesn't fit the LC {lc} anymore: wrong quantity, wrong date. Please re-issue it for the quantity that ships.",
    ],
    ("letter-of-credit", "logistics-billing"): [
        "We need to extend LC {lc} because your shipment has slipped by {weeks} weeks. Please send the revised shipment schedule so we can request the amendment and so the invoice date can follow.",
        "Under LC {lc} the documents must show full shipment, but the goods went in two lots. How do we present, and will you split the invoice?",
    ],
    ("dispute", "billing-discrepancy"): [
        "We formally dispute invoice {inv}: the unit price is higher than agreed in the contract, and we will only pay the contractual price.",
        "We short-paid {inv} by {amt2} because you billed freight that was included in the price. Please treat the difference as disputed.",
        "Invoice {inv} charges {qty} hours of consulting but only {qty2} were approved. We dispute the excess and have deducted it from our payment.",
        "The volume discount was not applied on {inv}; we have paid the discounted amount and dispute the rest.",
        "You invoiced the same delivery twice ({inv} and {inv2}); we dispute the second invoice and will not pay it.",
    ],
    ("billing-discrepancy", "dispute"): [
        "The price on {inv} is wrong and, until you correct it, we are deducting the difference of {amt2} from our payment.",
    ],
    ("refund", "billing-discrepancy"): [
        "We were overcharged on {inv}: the price should have been {tiny} lower per unit. We already paid in full, so please refund the difference.",
        "Invoice {inv} was billed twice and we paid both. Please refund the duplicate payment of {amt2}.",
        "The VAT on {inv} was calculated at the wrong rate and we paid it; please issue a credit note and refund the excess.",
        "You charged us the full subscription on {inv} even though we downgraded in {month}. Please refund the overcharge.",
    ],
    ("billing-discrepancy", "refund"): [
        "The discount was missing on {inv}, which we only noticed after paying. Please correct the invoice and refund the {amt2} we overpaid.",
    ],
    ("kyc-master-data", "treasury-fx"): [
        "Please update our bank details for refunds and direct debits: new account at {bank}, IBAN {iban}, BIC {swift}. The bank's confirmation letter is attached.",
        "We've moved our main account to {bank}; please update the bank details in our customer record and collect future direct debits from IBAN {iban}.",
        "After the merger our company changed banks. The new account details are in the attached letter, signed by two directors.",
        "Please replace our old account with the new one at {bank}; we can no longer receive {cur} on the old account.",
    ],
    ("treasury-fx", "kyc-master-data"): [
        "Your latest refund bounced because our old account at {bank} is closed. Please update our bank details to IBAN {iban} and send the transfer again.",
    ],
    ("debt-restructuring", "payment-terms"): [
        "Instead of the usual net {days}, we'd like to pay the current open invoices over {n} months and move to net {days2} for new orders.",
        "We'd like to restructure the open balance into {n} instalments and, going forward, agree longer payment terms so this doesn't happen again.",
        "Could the instalment plan run alongside extended terms of net {days2} on new invoices?",
    ],
    ("payment-terms", "debt-restructuring"): [
        "We can't keep up with net {days} at the moment. Could we move to net {days2} and spread the current open amount over {n} months?",
    ],
}

# Which secondary asks may follow a main ask (only combinations that make sense together).
SECONDARY_OK = {
    "billing-discrepancy": ["dispute", "refund", "invoice-copy", "payment-terms"],
    "invoice-copy": ["payment-status"],
    "payment-status": ["invoice-copy", "treasury-fx", "refund"],
    "payment-terms": ["credit-limit", "debt-restructuring"],
    "credit-limit": ["payment-terms", "payment-status"],
    "dispute": ["billing-discrepancy", "refund", "logistics-billing"],
    "refund": ["billing-discrepancy", "treasury-fx", "dispute"],
    "letter-of-credit": ["logistics-billing", "treasury-fx", "billing-discrepancy"],
    "logistics-billing": ["billing-discrepancy", "dispute", "letter-of-credit", "payment-terms"],
    "debt-restructuring": ["payment-terms", "credit-limit"],
    "kyc-master-data": ["treasury-fx", "invoice-copy"],
    "treasury-fx": ["payment-status", "kyc-master-data", "refund"],
    "general": [],
}


# ---------------------------------------------------------------------------------------------
# Urgency cues: (level, sentence, types it fits; "*" = any type).
# HIGH: overdue / final notice, shipment or order on hold, amounts above 50,000, deadlines within
# days, LC expiring. CRITICAL: legal threat, suspected fraud, stopped production or shipment with
# large amounts, regulator involvement. LOW: routine, no deadline.
# ---------------------------------------------------------------------------------------------

BD, IC, PS, PT, CL, DI, RF, LC, LB, DR, KY, FX, GE = TYPES
ANY = "*"

URGENCY_CUES = [
    # HIGH - overdue / final notice
    ("HIGH", "Your system has already sent us a final notice for {inv}, which shouldn't happen while this is open.", (BD, DI, LB, IC, PS)),
    ("HIGH", "The invoice now shows as {weeks} weeks overdue on your side, so I'd like this fixed quickly.", (BD, IC, PS, LB, DI, DR)),
    ("HIGH", "We got a final reminder this morning.", (BD, PS, IC, DI, DR, LB)),
    ("HIGH", "Our account shows as past due and we have been told new orders will be blocked.", (PS, BD, CL, DR, DI)),
    ("HIGH", "Your dunning letter says the account goes to collections on {soon}.", (PS, DR, BD, DI)),
    # HIGH - shipment / order on hold
    ("HIGH", "Your credit team has put our next shipment on hold because of this.", (CL, PS, BD, DI, DR, KY, LB)),
    ("HIGH", "Order {po2} is on hold in your system until this is cleared, and we need the goods next week.", (CL, KY, PS, DI, BD, LB)),
    ("HIGH", "The shipment is blocked at your warehouse until this is resolved.", (CL, KY, LB, PS, LC)),
    # HIGH - large amounts
    ("HIGH", "Given the amount involved ({bigamt}), we need a quick answer.", ANY),
    ("HIGH", "This concerns a total of {bigamt}, so please give it priority.", ANY),
    ("HIGH", "With {bigamt} at stake we cannot leave this open for long.", (BD, DI, RF, PS, LB, DR, LC, FX)),
    # HIGH - deadlines within days
    ("HIGH", "We need an answer by {weekday}, as our month-end close is on the 30th.", ANY),
    ("HIGH", "Please reply within the next two days; our board meets on {soon} and this is on the agenda.", (CL, DR, PT, FX, KY, GE)),
    ("HIGH", "Our auditors finish their fieldwork on {soon} and need this before then.", (IC, PS, GE, RF, BD)),
    ("HIGH", "We must have this sorted before {soon}, otherwise we miss our payment run.", (BD, IC, PT, FX, KY, PS)),
    ("HIGH", "Customs won't release the goods without it, and storage charges start on {soon}.", (IC, LB, LC)),
    ("HIGH", "The vessel sails on {soon}.", (LC, LB)),
    ("HIGH", "Our new contract starts on {soon} and we need this agreed before then.", (PT, CL)),
    ("HIGH", "The payment has to leave our account by {weekday} to meet the due date.", (FX, PS, PT)),
    ("HIGH", "We have a payment of {bigamt} falling due next week that we can't meet without an agreement.", (DR,)),
    ("HIGH", "Our KYC expires on {soon} and we were told orders will be blocked after that.", (KY,)),
    # HIGH - LC expiring
    ("HIGH", "The LC expires on {soon}, so there is very little time.", (LC, LB)),
    ("HIGH", "The latest presentation date under the LC is {soon}, just {fewdays} days from now.", (LC, LB)),
    ("HIGH", "If the LC lapses we lose the bank's payment undertaking, and it expires in {fewdays} days.", (LC,)),
    # CRITICAL - legal
    ("CRITICAL", "If this is not resolved within 7 days, we will pass the matter to our lawyers.", (BD, DI, RF, PS, LB, GE)),
    ("CRITICAL", "Our legal department is in copy and is reviewing the contract for breach.", (DI, BD, LB, RF, LC)),
    ("CRITICAL", "Please treat this as formal notice before legal action.", (DI, RF, BD)),
    ("CRITICAL", "Our solicitors will issue a claim for the full amount plus costs unless the money is back with us by {weekday}.", (RF,)),
    ("CRITICAL", "We have instructed our attorney to go to court if we don't hear from you this week.", (DI, RF, BD)),
    ("CRITICAL", "Without an agreement this week our bank will cancel our facilities and we will have to file for insolvency.", (DR,)),
    ("CRITICAL", "Our creditors' meeting is on {soon}; the administrator needs your position on the {bigamt} claim by then.", (DR,)),
    ("CRITICAL", "Our lawyers have advised us to stop all payments to you until this is settled.", (DI, BD)),
    # CRITICAL - suspected fraud
    ("CRITICAL", "We received an email that looks like it came from your accounts team, asking us to pay {inv} into a new account at {bank2}. Nobody can verify it; please confirm immediately whether your bank details have changed.", (FX, KY, PS)),
    ("CRITICAL", "Someone called our AP team pretending to be from your company and asked for our banking login. We suspect fraud and have informed our bank.", (KY, FX, GE)),
    ("CRITICAL", "The change of bank details you received last week did NOT come from us. Please block it immediately; our mailbox was compromised.", (KY, FX, RF)),
    ("CRITICAL", "We believe one of our payments of {bigamt} was diverted to a fraudulent account. Please check whether you received it.", (PS, FX)),
    ("CRITICAL", "Your invoice PDF we received yesterday shows a different IBAN than usual. We suspect it has been tampered with and have stopped the payment of {bigamt}.", (FX, PS, IC)),
    # CRITICAL - stopped production / shipment with large amounts
    ("CRITICAL", "Our production line in {city} has stopped because the material is held, and customer orders worth {bigamt} are at risk.", (LB, CL, LC, KY, DI, PS, PT)),
    ("CRITICAL", "We have a factory standing still and {bigamt} of orders we cannot deliver.", (LB, CL, LC)),
    ("CRITICAL", "Without the release of order {po2} (value {bigamt}) our plant has to shut down on {weekday}.", (CL, KY, LB, LC, PT)),
    ("CRITICAL", "The shipment of {bigamt} is stopped at the port and our client is threatening contract penalties.", (LB, LC, CL, KY)),
    # CRITICAL - regulator
    ("CRITICAL", "We have been contacted by {regulator} about this and have to answer by {weekday}.", (KY, FX, GE, DI, IC, RF, LC)),
    ("CRITICAL", "{regulator} is auditing us and this item has been flagged; we need your written confirmation within 48 hours.", (IC, KY, FX, GE, PS)),
    ("CRITICAL", "The tax authority is on site and penalties apply if the invoice can't be produced by tomorrow.", (IC, BD)),
    ("CRITICAL", "Under the late-payment rules {regulator} has flagged these terms as non-compliant, and we must report by {weekday}.", (PT,)),
    ("CRITICAL", "Our bank has frozen an incoming payment pending sanctions screening and {regulator} wants to see your documents.", (KY, FX, LC)),
]

LOW_CUES = [
    "No rush on this.", "Whenever you get a chance.", "Nothing urgent, it's just for our records.",
    "There's no deadline on our side.", "Only for our files.", "Thanks in advance, no hurry.",
    "Whenever convenient.", "No need to reply if all is fine.",
]

# ---------------------------------------------------------------------------------------------
# Register: greetings, openings, closings, signatures
# ---------------------------------------------------------------------------------------------

GREETINGS = {
    "formal": ["Dear Sir or Madam,", "Dear Accounts Receivable Team,", "Dear {agent},",
               "Dear Ms. {last},", "Dear Mr. {last},", "Good morning,", "Good afternoon,",
               "To whom it may concern,", "Dear Credit Team,", "Dear colleagues,", "Hello,"],
    "casual": ["Hi,", "Hi {agent},", "Hello team,", "Hey {agent} -", "Morning,", "Hi all,",
               "Hi there,", "Hello {agent},", "{agent},", "hi"],
    "nonnative": ["Dear Sir/Madam,", "Good day,", "Hello dear,", "Dear Team Finance,",
                  "Greetings,", "Respected Sir,", "Dear Sirs,", "Dear Madam,",
                  "Hello Mr. {last},", "Dear {agent},", "Good day Sir,"],
}
OPENERS = {
    "formal": [
        "I hope this email finds you well.", "I am writing on behalf of {company}.",
        "Following up on my voicemail from this morning.", "Our account number is {acct}.",
        "I was given your address by {first2} in your sales team.",
        "Apologies for writing again about this.", "Thank you for your letter of {past}.",
        "We are writing regarding our account {acct}.",
    ],
    "casual": [
        "Hope you're well.", "Quick one:", "Following up on our call.",
        "Sorry to bother you again.", "Not sure if you're the right person for this, but here goes.",
        "{first2} from sales said I should email you.",
    ],
    "nonnative": [
        "Hope you are doing fine.", "Greetings from {city}.", "With reference to our order {po}.",
        "We are your customer since {year}.", "I am writing you regarding below subject.",
        "Thank you for your kind cooperation always.",
    ],
}
CLOSINGS = {
    "formal": ["Kind regards,", "Best regards,", "Yours faithfully,", "Sincerely,",
               "With kind regards,", "Regards,", "Thank you in advance.\n\nBest regards,",
               "I look forward to your reply.\n\nKind regards,"],
    "casual": ["Thanks!", "Cheers,", "Thx", "Best,", "Thanks a lot,", "Many thanks,", "Ta,",
               "Thanks", "Talk soon,"],
    "nonnative": ["Thanks and regards,", "Best Regards", "Waiting for your kind reply.",
                  "Thanking you in advance,", "Thanks & Best Regards,", "Regards.",
                  "Awaiting your positive response.\nRegards,", "With best regards,"],
}
PHONES = ["+49 40 3345 2210", "+1 614 555 0187", "+44 113 496 0321", "+52 81 5550 2219",
          "+91 44 4612 7788", "+81 6 6345 1290", "+33 4 72 55 10 31", "+48 58 555 21 09",
          "+1 (403) 555-0142", "+34 96 355 0190", "+90 232 555 4411", "+27 31 555 0175",
          "+84 28 3822 5510", "+420 5 4321 1180", "+60 4 555 6621", "+32 3 555 14 80"]
DISCLAIMERS = [
    "This e-mail and any attachments may contain confidential information. If you are not the intended recipient, please notify the sender and delete it.",
    "Please consider the environment before printing this email.",
    "CONFIDENTIALITY NOTICE: the information in this message is intended only for the addressee.",
]
QUOTED = [
    "Dear Customer,\nPlease find attached invoice {inv3}.\nKind regards,\nAccounts Receivable",
    "Hello,\nThank you for your message. We have passed it to the responsible team and will get back to you.\nBest regards",
    "Dear customer,\nThis is a friendly reminder that the items listed below are due for payment. If you have already paid, please disregard this message.",
    "Hi, could you send us a few more details (invoice number and amount) so we can look into this? Thanks, {agent}",
    "Dear Customer,\nPlease find attached your statement of account as of {past}.\nRegards,\nCredit & Collections",
    "Dear Customer,\n\nAccording to our records the following items on your account are open:\n\n{inv3}    {past2}    {amt3}\n{inv2}    {past}    {amt2}\n\nIf you have already paid, please disregard this message. For any questions, reply to this email quoting your customer number.\n\nKind regards,\nCredit & Collections",
    "Hello {first},\n\nThanks for getting in touch. I have passed your question to my colleagues in {city}, who look after your account, and asked them to come back to you directly. If you don't hear from them within a few days, please let me know.\n\nBest regards,\n{agent}\nCustomer Finance",
]

COMMON_TYPOS = [
    ("receive", "recieve"), ("received", "recieved"), ("separate", "seperate"),
    ("payment", "paymnet"), ("invoice", "invocie"), ("please", "pls"), ("thanks", "thx"),
    ("accommodate", "accomodate"), ("definitely", "definately"), ("occurred", "occured"),
    ("until", "untill"), ("address", "adress"), ("which", "wich"), ("because", "becuase"),
    ("amount", "amout"), ("account", "acount"), ("the", "teh"), ("and", "adn"),
    ("delivery", "delivey"), ("attached", "attatched"), ("necessary", "neccessary"),
    ("really", "realy"), ("shipment", "shipmnet"), ("already", "allready"),
]


def add_typos(r, text, rate):
    """Adds human typos to words (never to references, numbers or amounts)."""
    common = dict(COMMON_TYPOS)

    def mangle(m):
        w = m.group(0)
        if r.random() >= rate or len(w) < 3:
            return w
        low = w.lower()
        if low in common and r.random() < 0.6:
            out = common[low]
            return out.capitalize() if w[0].isupper() else out
        if len(w) < 5:
            return w
        i = r.randrange(1, len(w) - 2)
        op = r.randrange(3)
        if op == 0:
            return w[:i] + w[i + 1] + w[i] + w[i + 2:]
        if op == 1:
            return w[:i] + w[i + 1:]
        return w[:i] + w[i] + w[i:]

    # only plain words: no digits, no hyphenated references, no e-mail parts
    return re.sub(r"(?<![\w@./-])[A-Za-z]+(?![\w@/-])", mangle, text)


def cap_first(s):
    return s[0].upper() + s[1:] if s else s


def pick(r, items, used):
    """A fragment not used yet in this inquiry."""
    choices = [x for x in items if x not in used]
    if not choices:
        return None
    x = r.choice(choices)
    used.add(x)
    return x


def cues_for(level, types):
    return [text for lv, text, fits in URGENCY_CUES
            if lv == level and (fits == ANY or any(t in fits for t in types))]


def signature(r, ctx, register):
    name = f"{ctx['first']} {ctx['last']}"
    kind = r.random()
    lines = []
    if register == "casual":
        if kind < 0.55:
            lines.append(ctx["first"])
        elif kind < 0.8:
            lines.append(name)
        else:
            lines += [ctx["first"], "Sent from my iPhone" if r.random() < 0.5 else "Sent from my phone, excuse typos"]
        return lines
    if kind < 0.2:
        lines.append(name)
    elif kind < 0.65:
        lines += [name, r.choice(TITLES), ctx["company"]]
    elif kind < 0.85:
        lines += [name, f"{r.choice(TITLES)} | {ctx['company']}", f"T {r.choice(PHONES)}"]
    else:
        lines += [f"{name[0]}. {ctx['last']}", ctx["company"]]
    if r.random() < 0.08:
        lines += ["", r.choice(DISCLAIMERS)]
    return lines


def make_subject(r, ctx, main, secondaries, urgency):
    roll = r.random()
    if roll < 0.015:
        return ""
    if roll < 0.10:
        subject = r.choice(["Question", "Inquiry", "Your email", "Account {acct}", "Follow up",
                            "Customer {acct}", "Request", "Invoice", "Open items", "Re: your letter"])
    elif secondaries and roll < 0.18:
        subject = r.choice(BANK[secondaries[0]]["subjects"]) if BANK[secondaries[0]]["subjects"] else ""
    else:
        subject = r.choice(BANK[main]["subjects"])
    subject = fill(subject, ctx)
    p = r.random()
    if p < 0.14:
        subject = "RE: " + subject
    elif p < 0.19:
        subject = "FW: " + subject
    elif p < 0.21:
        subject = "AW: " + subject
    elif p < 0.24:
        subject = "[EXTERNAL] " + subject
    if urgency in ("HIGH", "CRITICAL") and r.random() < 0.3:
        subject = r.choice(["URGENT: ", "Urgent - ", "URGENT ", "Action required: "]) + subject \
            if r.random() < 0.7 else subject + r.choice([" - urgent", " !!", " (urgent)", " - ASAP"])
    if urgency == "CRITICAL" and r.random() < 0.12:
        subject = "ESCALATION: " + subject
    if r.random() < 0.05:
        subject = subject.lower()
    return subject.strip()


CONTEXT = [
    "We have worked with you since {year}, and this is the first time we've had to raise something like this.",
    "I've copied my colleague {first2}, who handles the day-to-day orders.",
    "I tried calling the number on your letter twice this week but couldn't get through, hence the email.",
    "Our finance team is only three people, so anything that makes this simpler is appreciated.",
    "I've attached everything I could find on our side.",
    "If it's easier to discuss by phone, I'm available most mornings.",
    "Please reply to all, as I'm travelling next week and {first2} will follow up.",
    "For reference, our customer number with you is {acct}.",
    "Please quote our reference in your reply so it reaches the right person.",
    "Apologies if this has already been dealt with; our records may be behind.",
    "I have only recently taken over this account from {first2}, so please bear with me if I've missed some history.",
    "Our controller has asked me to get this settled properly before the year-end close.",
    "Thanks for your help so far; your colleague {agent} was very helpful on the phone.",
    "We'd like to keep the good relationship we have with your company, so I hope we can sort this out quickly.",
]


def compose(r, main, secondaries, urgency):
    """One generated inquiry (subject, body)."""
    register = r.choices(["formal", "casual", "nonnative", "terse"], weights=[30, 28, 24, 18])[0]
    ctx = Ctx(r, urgency, native=register != "nonnative")
    labels = (main,) + tuple(secondaries)
    used = set()
    bank = BANK[main]
    long_form = register != "terse" and r.random() < (0.35 if register == "formal" else 0.15)
    very_long = long_form and r.random() < 0.35

    # the main ask
    core = []
    combo = COMBOS.get(labels)
    secondaries_done = False
    if combo and r.random() < 0.75:
        core.append(pick(r, combo, used))
        secondaries_done = True
    elif urgency == "LOW" and bank["low"]:
        core.append(pick(r, bank["low"], used))
    elif register == "nonnative" and r.random() < 0.7:
        core.append(pick(r, bank["nonnative"], used))
    else:
        core.append(pick(r, bank["core"], used))
        if register != "terse" and (very_long or r.random() < (0.25 if long_form else 0.08)):
            extra = pick(r, bank["core"], used)
            if extra:
                core.append(extra)

    details = []
    detail_bank = bank["detail"]
    if secondaries_done:  # a blended ask: context sentences from the label that fits them best
        detail_bank = BANK[BD if BD in labels else labels[-1]]["detail"]
    if register == "terse":
        n_detail = 1 if r.random() < 0.35 else 0
    elif main == "general" and urgency == "LOW":
        n_detail = 1 if r.random() < 0.25 else 0
    else:
        n_detail = r.choice([0, 0, 1, 1, 2])
    if long_form:
        n_detail += r.choice([1, 2]) + (2 if very_long else 0)
    for _ in range(n_detail):
        d = pick(r, detail_bank, used)
        if d:
            details.append(d)

    second = []
    if not secondaries_done:
        for sec in secondaries:
            second.append(pick(r, BANK[sec]["secondary"], used))

    cues = []
    if urgency in ("HIGH", "CRITICAL"):
        cues.append(pick(r, cues_for(urgency, labels), used))
        if r.random() < 0.2:
            extra = pick(r, cues_for("HIGH", labels), used)
            if extra:
                cues.append(extra)
    elif urgency == "LOW" and r.random() < 0.45:
        cues.append(r.choice(LOW_CUES))
    if any("{bigamt}" in c for c in cues):
        ctx["amt"] = ctx["bigamt"]  # the large amount the cue talks about is the one at stake

    sentences = [cap_first(fill(x, ctx)) for x in core]
    detail_s = [cap_first(fill(x, ctx)) for x in details]
    second_s = [cap_first(fill(x, ctx)) for x in second]
    cue_s = [cap_first(fill(x, ctx)) for x in cues]

    if register == "terse":
        parts = sentences + second_s + detail_s
        if cue_s:
            parts = cue_s + parts if r.random() < 0.15 else parts + cue_s
        if r.random() < 0.25:
            parts = [fill(r.choice(["Ref:", "Re:", "Customer {acct}:", "PO {po}:"]), ctx)] + parts
        body = " ".join(parts)
        if r.random() < 0.35:
            body += r.choice([" Thanks", " Thx", "\n" + ctx["first"], " Regards, " + ctx["first"],
                              " -- " + ctx["first"] + " " + ctx["last"], " ty"])
    else:
        greeting = fill(r.choice(GREETINGS[register]), ctx) if r.random() < 0.85 else None
        opener = fill(r.choice(OPENERS[register]), ctx) if (long_form or r.random() < 0.25) else None
        paras = []
        if opener and long_form and r.random() < 0.5:
            paras.append(opener)
            opener = None
        paras.append(" ".join(([opener] if opener else []) + sentences))
        rest = detail_s + second_s
        if r.random() < 0.3:
            r.shuffle(rest)
        if rest:
            if long_form and len(rest) > 1:
                cut = r.randint(1, len(rest) - 1)
                paras.append(" ".join(rest[:cut]))
                paras.append(" ".join(rest[cut:]))
            else:
                paras.append(" ".join(rest))
        if long_form:
            extra_context = [cap_first(fill(x, ctx))
                             for x in r.sample(CONTEXT, r.choice([2, 3] if very_long else [1, 1, 2]))]
            paras.append(" ".join(extra_context))
        if cue_s:
            if r.random() < 0.5:
                paras[-1] += " " + " ".join(cue_s)
            else:
                paras.append(" ".join(cue_s))
        closing = r.choice(CLOSINGS[register]) if r.random() < 0.85 else None
        sig = signature(r, ctx, register) if r.random() < 0.9 else []
        if very_long and sig and r.random() < 0.5:
            sig += ["", r.choice(DISCLAIMERS)]
        body = "\n\n".join(paras)
        if greeting:
            body = greeting + "\n\n" + body
        tail = ([closing] if closing else []) + sig
        if tail:
            body += "\n\n" + "\n".join(tail)

    body = re.sub(r"(?<!\.)\.\.(?!\.)", ".", body)  # "Ltd.." at a sentence end
    rate = {"formal": 0.006, "casual": 0.03, "nonnative": 0.025, "terse": 0.03}[register]
    if r.random() < 0.55:
        body = add_typos(r, body, rate)
    if register in ("casual", "terse") and r.random() < 0.12:
        body = body.lower()
    if register == "terse" and r.random() < 0.3:
        body = body.rstrip(".")

    subject = make_subject(r, ctx, main, secondaries, urgency)
    # quoted history on replies
    if very_long and not subject.upper().startswith(("RE:", "AW:")) and r.random() < 0.6:
        subject = "RE: " + subject
    if subject.upper().startswith(("RE:", "AW:")) and register != "terse" and (
            long_form or r.random() < 0.35):
        quoted = fill(r.choice(QUOTED), ctx)
        sent = fill("{past}", ctx)
        if r.random() < 0.5:
            body += (f"\n\n-----Original Message-----\nFrom: Accounts Receivable\nSent: {sent}\n"
                     f"Subject: {subject[4:]}\n\n{quoted}")
        else:
            body += f"\n\nOn {sent}, Accounts Receivable wrote:\n" + "\n".join(
                "> " + line for line in quoted.split("\n"))
    return subject, body


# ---------------------------------------------------------------------------------------------
# Fully hand-written inquiries: (subject, types, urgency, body). Names, companies, domains and
# numbers are invented. The first one is the seed case of the project.
# ---------------------------------------------------------------------------------------------

HANDWRITTEN = [
    ("Delayed shipment under LC-77 - please adjust invoice INV-2026-000123",
     "logistics-billing|letter-of-credit|billing-discrepancy", "HIGH",
     """Hello,

We placed order PO-5521 with you for USD 22,000.00, payable under letter of credit LC-77. The shipment was supposed to leave on 5 November, but your logistics team now tells us it is delayed until early December and that only part of the goods is ready.

You have already issued invoice INV-2026-000123 for the full USD 22,000 and your portal shows it as overdue, which is not right: the goods have not shipped and the LC cannot be drawn without the bill of lading. Our bank also reminds us that LC-77 expires on 15 December, so if the shipment slips any further we need an amendment.

Could you please adjust the billing (cancel the invoice or reduce it to what will actually ship), confirm the new shipment date, and tell us whether you will request the LC extension or whether we should do it from our side?

Regards,
Dana Ortiz
Accounts Payable, Acme Industrial Supplies Ltd"""),
    ("PDF for INV-2026-000098", "invoice-copy", "LOW",
     """Hi, could you send me the PDF of INV-2026-000098 again? It's for our quarterly file, the invoice is already paid. Thanks! Lee"""),
    ("Open balance - proposal", "debt-restructuring", "HIGH",
     """Dear Mr. Müller,

I'm writing about our overdue account. As you know, we lost our largest retail customer in September and our cash position has been tight since then. We currently owe you EUR 36.500,00, part of it now 45 days past due.

We would like to propose paying EUR 6.500 now and the remaining EUR 30.000 in three monthly instalments of EUR 10.000, starting 15 December. We would be very grateful if deliveries could continue during this period.

Kind regards,
Ana Weber
Borealis Foods GmbH"""),
    ("Deduction on INV-2026-000311 - crushed cartons", "dispute|logistics-billing|refund", "NORMAL",
     """Hi, just so you know why our payment came in short: we took off USD 1,240.00 on INV-2026-000311 for the 12 cartons that were crushed on arrival (photos went to your sales rep on Nov 9). Please send us a credit note for that amount so our books match.
Sam Rivera
Cobalt Retail"""),
    ("Change of bank details", "kyc-master-data|treasury-fx", "CRITICAL",
     """Hello,

Please update our bank account for all payments and refunds to the account below with immediate effect. Our old account at Harbour Commercial Bank is closed due to an audit.

Bank: Crescent Bank
IBAN: LT47 3250 0118 6410 2295
Beneficiary: Kestrel Logistics

Please confirm by return once done. We cannot take phone calls this week as the CFO is travelling.

Regards,
Accounts"""),
    # --- billing-discrepancy
    ("Invoice 90017733 - wrong price", "billing-discrepancy", "NORMAL",
     """Hello,

On invoice 90017733 you have charged EUR 14,20 per piece for the M8 hex bolts (item 33-0871). Our contract price since 1 July is EUR 12,85. With 2.400 pieces that is a difference of EUR 3.240,00.

Please send a corrected invoice. We will hold this one until then.

Kind regards
Katrin Vogt
Kreditorenbuchhaltung / Accounts payable
Elbtal Maschinenbau GmbH"""),
    ("double billed??", "billing-discrepancy", "NORMAL",
     """hey - looks like we got billed twice for the october cleaning service. SI-26118 and SI-26131 are both for "Monthly service Oct 2026", $1,480.00 each. can you kill one of them? we havent paid either yet
thx
Marcus"""),
    ("Invoice INV-2026-007731 - USD 184,500.00 vs PO 4500812234", "billing-discrepancy", "HIGH",
     """Dear AR team,

We received invoice INV-2026-007731 for USD 184,500.00. Our purchase order 4500812234 covers 1,500 units at USD 109.00, i.e. USD 163,500.00. The invoice bills the 1,500 units at USD 123.00; we assume the 2025 price list was used by mistake.

Because of the amount, our controller will not approve payment until we receive a corrected invoice. The invoice is due on 2 December, so we'd appreciate the correction this week.

Best regards,
Ricardo Mendes
Accounts Payable Lead
Sierra Alta Engineering S.A. de C.V."""),
    ("wrong VAT", "billing-discrepancy", "NORMAL",
     """Dear Sir/Madam,

In your invoice no. 2026/11/3382 the VAT is 23% but we are company from Lithuania with valid VAT number LT100004471512, so it must be reverse charge 0%. Please send the corrected invoice, we can not book this one.

Thanks and regards,
Ruta Kazlauskiene
Accountant"""),
    ("Repeated overbilling - formal complaint", "billing-discrepancy|dispute", "CRITICAL",
     """Dear Mr. Haddad,

This is the third time this year that your invoices to us have been issued at rates above those in our Master Services Agreement (clause 4.1, Schedule B). The latest, invoice 7100058812 of 31 October, bills 212 hours at GBP 145 instead of GBP 118, an overcharge of GBP 5,724. We will not pay the overcharged part.

We raised the same issue in May and again in August and were promised it would not happen again. Our General Counsel has now reviewed the agreement, and we have been advised that systematic overbilling constitutes a breach. Unless we receive corrected invoices for all three periods, and written confirmation that the billing has been fixed, within 10 working days, we will hand the matter to our solicitors.

Yours sincerely,
Helen Brennan
Head of Procurement
Harbourside Hospitality plc"""),
    ("Statement vs PDF", "billing-discrepancy", "LOW",
     """Just FYI, the invoice number on your statement is INV-2026-004417 but the PDF says INV-2026-004471 - maybe a typo on the statement? Amount is the same (£612.00) so nothing for us to do. Cheers, Niamh"""),
    ("", "billing-discrepancy", "NORMAL",
     """Price on line 2 not as agreed. Should be 4,15 EUR/kg not 4,55. PO 4500391. Pls correct"""),
    ("Energy surcharge?", "billing-discrepancy", "NORMAL",
     """Hi Sandra,

A new line "energy surcharge 6%" appeared on invoice 4418820, adding EUR 1.962,30. I can't find anything about this in our contract or in any letter from you. Was this announced somewhere? If not, please remove it and reissue the invoice.

Thanks
Pieter van Dijk"""),
    ("RE: Reminder - INV-2026-005120", "billing-discrepancy", "HIGH",
     """Hello,

we received a 2nd reminder for INV-2026-005120 today. As I explained on 4 November, we can't pay this invoice because it bills 60 licences and our contract is for 45. I still have no corrected invoice.

Please stop the reminders and send the correction - our account is now marked as overdue in your portal, and our buyer tells me the next order was put on hold.

Regards, Anika Kaur

-----Original Message-----
From: Accounts Receivable
Sent: 18 November 2026
Subject: Reminder - INV-2026-005120

Dear Customer,
Our records show the above invoice as overdue. Please arrange payment at your earliest convenience."""),
    ("Invoice amount question", "billing-discrepancy", "NORMAL",
     """Dear Sirs,

We are sorry to trouble you. We received your invoice 9001 5527 dated 10/28. The amount is USD 8,890.00 but according to the quotation No. Q-2611 the amount is USD 8,089.00. Maybe the numbers are reversed? Please kindly check and send us the revised invoice.

Best regards,
Hiroshi Saito
Accounting Dept.
Kodiak Electronics K.K."""),
    ("Overpaid - old rate card", "billing-discrepancy|refund", "NORMAL",
     """Hi,

We just noticed that invoices SI-26402 and SI-26455 were charged at the old rate of USD 95/hr instead of the USD 85/hr agreed from September. Both are already paid (118 hrs in total, so USD 1,180 too much). Could you issue a credit note and refund the difference to our account rather than offset it? We're closing the project.

Thanks,
Jordan Hill"""),
    ("Invoice INV-2026-006028 addressed to wrong entity", "billing-discrepancy", "NORMAL",
     """Your invoice INV-2026-006028 is addressed to Valemont Trading Ltd (UK), but the order was placed by Valemont Trading B.V. in Rotterdam - see PO NL-PO-44710. Our Dutch entity cannot pay an invoice made out to the UK company. Please cancel it and re-issue to the B.V. with Dutch VAT.

Regards,
Femke de Vries
Accounts Payable NL"""),
    ("Price per ton - contract 2026/44", "billing-discrepancy", "HIGH",
     """Dear Sirs,

We received invoice INV-2026-006908 for EUR 142.600,00 but the price per ton is EUR 1.240 and our contract No. 2026/44 say EUR 1.180. Difference is EUR 6.900,00. Please correct quickly, our payment is scheduled 30.11. and we cannot pay wrong invoice.

Best regards,
Dmitri Petrov
Baltica Metals"""),
    ("", "billing-discrepancy", "NORMAL",
     """Freight billed on INV-2026-006177 but the order qualified for free shipping (over $5k). pls remove."""),
    # --- invoice-copy
    ("URGENT!!! invoice copy", "invoice-copy", "NORMAL",
     """URGENT!! pls send copy of inv 4471902, cant find it anywhere. thanks"""),
    ("Commercial invoice for customs - container held", "invoice-copy", "HIGH",
     """Good morning,

Our container CAIU 774120-3 arrived in Durban on Friday, and customs will not release it without a signed original commercial invoice - the copy in the document pack is unsigned.

Can you please email a signed and stamped copy of invoice 2026/10/8812 today and send the original by courier? Storage charges start on Wednesday.

Regards,
Thandiwe Nkosi
Import Controller"""),
    ("Portal access for new AP clerk", "invoice-copy", "NORMAL",
     """Hello,

Please create a portal login for our new accounts payable clerk, Olga Petrov (olga.petrov@greystone-paper.example). She needs to be able to download invoices and credit notes for account 100482. Our previous clerk, Ewa, has left the company, so please deactivate her access.

Thank you,
Stefan Becker
Finance Manager"""),
    ("Invoice copies for GST filing", "invoice-copy", "LOW",
     """Dear Sir,

Kindly send us the invoice copies for September month for our GST filing. Invoice nos. are 71000 48812, 71000 48890 and 71000 49021.

Regards,
Ravi Kumar
Accounts Executive"""),
    ("Peppol e-invoices", "invoice-copy", "NORMAL",
     """We switched to e-invoicing (Peppol) on 1 November. Your invoices still arrive only as PDF and our system can't process them. Please send INV-2026-006612 and INV-2026-006690 again via Peppol, our ID is 0088:5790001234567.

Thanks,
Sven Andersen
AP Denmark"""),
    ("Re: portal access", "invoice-copy", "LOW",
     """Hi, I can see all the invoices in the portal now, thank you for fixing my access. One more small thing - could you also send me credit note CN-2026-000212 as a PDF? It's not showing up. Cheers, Grace"""),
    ("Tax inspection - invoices needed today", "invoice-copy", "CRITICAL",
     """Dear Ms. Rossi,

The tax office started an inspection at our premises this morning and has asked for the original invoices for all purchases from your company in 2025 (approx. 40 invoices, about EUR 610.000 in total). Our archive copies are incomplete.

The inspector has given us until tomorrow 12:00, otherwise penalties apply. Can you please send me PDF copies of all 2025 invoices today? A list of the ones we are missing is attached.

Thank you very much,
Chiara Bianchi
Amministrazione
Orchard Foods S.r.l."""),
    ("", "invoice-copy", "NORMAL",
     """Invoice missing for delivery 80044812, please send."""),
    ("Resend invoice + payment question", "invoice-copy|payment-status", "NORMAL",
     """Hi Tom,

2 things:
1) can you resend INV-2026-003390? Our AP system lost it in the migration.
2) did our payment of $12,406.50 on 17 Nov reach you? It was for INV-2026-003377 and 003381.

Thanks,
Derek"""),
    ("Rechnungskopie / copy invoice", "invoice-copy", "NORMAL",
     """Hello,

please send us a copy of the invoice to order 4500123 again. The first one was sent to the old address of our bookkeeping.

Many thanks and greetings from Hamburg
Jonas Albers"""),
    ("Year-end audit sample", "invoice-copy", "LOW",
     """Dear AR team,

Our auditors selected the following invoices for testing: INV-2026-001182 (USD 4,950.00), INV-2026-002950 (USD 17,220.00) and INV-2026-004006 (USD 880.00). Could you please send copies at your convenience, ideally before mid-December?

Best regards,
Claire Moreau"""),
    ("original invoice and packing list", "invoice-copy", "HIGH",
     """Dear Sir, please send urgent the original invoice and packing list of shipment BL HLCU 284417720, the bank need it for release the payment by 27th November. Regards, Arjun"""),
    ("Nota fiscal / XML invoice", "invoice-copy", "NORMAL",
     """Bom dia,

please we need the invoice of the order PO-3381 in XML format, the PDF is not accepted by the fiscal system here in Brazil.

Obrigada,
Fernanda Pereira"""),
    # --- payment-status
    ("Payment sent Monday", "payment-status", "NORMAL",
     """Hi, we paid INV-2026-005590 and INV-2026-005601 (total EUR 23.870,40) on Monday from our Nordea account, ref 2611-0042. Could you confirm it arrived? Your portal still shows both as open. Thanks, Mikael"""),
    ("Stop reminders - paid on 3 Nov", "payment-status", "HIGH",
     """Dear Credit Team,

This is the third reminder we receive for invoice 7100052290 (USD 64,300.00). It was paid in full on 3 November; the SWIFT copy is attached again. Our bank confirms the funds were credited to your account at First Meridian Bank on 4 November.

Please find the payment and update your records. Our purchasing team tells me you have now put our order PO-8841 on hold, which is disrupting our production planning.

Regards,
Brian Scott
Controller"""),
    ("payment", "payment-status", "NORMAL",
     """Dear Sir, we have transfer USD 7,480 on 21.11.2026 for your invoice SI-26377. Please confirm received. Thanks & regards, Nguyen Thi Thanh, Accountant"""),
    ("Did you receive USD 148,000?", "payment-status|treasury-fx", "CRITICAL",
     """Hello,

We paid USD 148,000.00 on 18 November for invoices INV-2026-004410 to 004418, to the account given in an email from your "accounts department" dated 12 November, which said you had moved to a new bank (Crescent Bank, Lisbon).

Today your colleague called about the unpaid invoices and we are now very worried that email was fraudulent. Our bank has opened a recall. Please confirm urgently whether the Crescent Bank account is yours and check whether anything arrived. I have forwarded the email to your compliance team.

Marta Nowak
CFO"""),
    ("Payment confirmation for audit", "payment-status", "LOW",
     """Hello, for our audit file, could you confirm in writing that invoice 4420019 (GBP 2,150.00) was settled by our payment of 14 August? Thank you. Best, Amelia"""),
    ("Unapplied payment on our account", "payment-status", "NORMAL",
     """Good afternoon,

Our statement shows a payment of CAD 9,312.75 from 6 November as "unapplied", while invoices INV-2026-003871 and INV-2026-003902 are still open - and those two add up to exactly CAD 9,312.75. Could you apply the payment to them? We may have sent the remittance to the wrong address.

Kind regards,
Heather Campbell"""),
    ("", "payment-status", "NORMAL",
     """paid 2 weeks ago, still shows open?? inv 90014428"""),
    ("Cheque no. 004471", "payment-status", "NORMAL",
     """Hi,

we mailed cheque no. 004471 for $3,208.16 on Oct 30 to your lockbox in Columbus. Our bank shows it hasn't been cashed yet. Can you check whether you received it before we stop it and reissue?

Thanks,
Tyler Adams, AP"""),
    ("Short receipt - bank charges", "treasury-fx|payment-status", "NORMAL",
     """Dear AR,

you wrote that our payment for INV-2026-002290 was received short by EUR 35.00. We send all payments with charge code OUR, so no intermediary bank should deduct anything - see the attached MT103, field 71A: OUR. Could you check with your bank whether the fee was taken on your side? We don't think we should pay the difference.

Regards,
Tomasz Kowalski
Treasury"""),
    ("Our transfer of GBP 58,900", "payment-status", "HIGH",
     """Hi Femi,

Can you confirm today whether you have received our transfer of GBP 58,900 (ref FT26321XK1193)? Our bank says it went out on Friday. The supply agreement says you can stop deliveries if payment isn't received by the 28th, and we can't afford that.

Thanks,
Oliver"""),
    ("Which invoices are open?", "payment-status", "NORMAL",
     """Dear team, can you send me a list of the invoices we still have open with you? I think we paid everything up to September but your reminder says otherwise. Account C-1187. Regards"""),
    ("Confirmación de pago / payment confirmation", "payment-status", "NORMAL",
     """Good day,

We send you the payment of the invoices 2026/10/5512 and 2026/10/5519 the past friday, total USD 16.450,00. Please can you confirm if you receive it, because our manager want to release the new order.

Thank you very much,
Lucia Herrera
Cuentas por pagar"""),
    ("Remittance advice", "payment-status", "LOW",
     """Hi, remittance attached for today's payment: INV-2026-006104 $2,310.00, INV-2026-006133 $918.40. Total $3,228.40. Thanks, Tyler"""),
    ("Credit agency report - invoice 7100054477", "payment-status", "CRITICAL",
     """Dear Sirs,

You have reported our company to a credit agency for non-payment of invoice 7100054477, although we paid it on 2 October (bank confirmation attached, for the third time). This has damaged our rating with our own bank.

Unless you correct the report within 5 working days, we will hold you liable for the damage and our lawyers will take action.

Regards,
Marcus Johansson
Managing Director"""),
    ("Statement doesn't match our records", "payment-status", "NORMAL",
     """Hi, your statement as of 31 October shows a balance of USD 48,220.15 but our ledger shows USD 41,908.75. I can't see where the difference comes from - maybe a payment that wasn't applied? Could someone go through it with me? Thanks, Heather"""),
    # --- payment-terms
    ("Terms for the 2027 framework agreement", "payment-terms", "NORMAL",
     """Dear Mr. Weber,

As part of the renewal of our framework agreement for 2027, our procurement committee has asked all strategic suppliers to move to payment terms of 60 days end of month. In exchange, we could pay within 10 days with a 2% discount for orders above EUR 25,000, if that is more attractive for you.

Could you let me know which option you prefer, or whether you would propose something different? We would like to finalise the commercial terms by mid-December.

Kind regards,
Elena Petrov
Category Manager, Indirect Procurement
Nordlicht Pharma AG"""),
    ("terms", "payment-terms", "LOW",
     """Quick question - are your payment terms calendar days or working days? Our ERP asks. Thx, Kevin"""),
    ("Skonto abgezogen / early payment discount", "payment-terms", "NORMAL",
     """Hello,

We paid invoice 4461203 on day 9 and took the 2% Skonto (EUR 311,40) that is printed on the invoice. Now your reminder asks for the EUR 311,40. The money reached you on day 11 because of the weekend, but our transfer was made within the period. Please accept the discount.

Regards,
Hans Fischer"""),
    ("Due date change needed before 1 Dec", "payment-terms", "HIGH",
     """Hi Karin,

Our group is moving all supplier payments to a single run on the last working day of the month, starting 1 December. Your invoices INV-2026-006811 (USD 71,250.00) and INV-2026-006830 would fall due on the 3rd and 4th of December. Could we shift those due dates to 31 December?

Please let me know by Friday so I can tell treasury.

Best,
Megan"""),
    ("payment term", "payment-terms", "NORMAL",
     """Dear Sirs,

We are Siti Rahman from Tamarind Trading Sdn Bhd. Currently our payment term with you is 30 days. Since we increased the order volume in 2026 about double, we would like to request 60 days term. Kindly consider.

Thank you.
Best Regards,
Siti"""),
    ("new customer - terms and credit", "payment-terms|credit-limit", "NORMAL",
     """Hello,

we have paid you in advance for our first 3 orders. Could we now move to 30 days net? Our next order will be about USD 18,000, so we'd need a credit limit of around USD 40,000. Let me know what you need from us.

Regards,
Omar Green
Owner, Greystone Home Goods LLC"""),
    ("Payment terms on invoices to the City of Westbrook", "payment-terms", "CRITICAL",
     """Dear Sir or Madam,

Following an internal audit, the State Auditor has flagged that several of your invoices to the City of Westbrook carry 14-day payment terms, while public procurement rules and our contract require 30 days from receipt of a correct invoice. We are required to report corrective actions to the auditor by 4 December.

Please confirm in writing that all current and future invoices will carry 30-day terms, and reissue INV-2026-005502 to INV-2026-005519 accordingly.

Regards,
Finance Department
City of Westbrook"""),
    ("", "payment-terms", "NORMAL",
     """Can you change the due date on 9001 7741 to 15 Dec? Our payment run is on the 15th."""),
    ("net 14??", "payment-terms", "NORMAL",
     """Hey Michael - saw the new invoices come through on net 14. Thought we were net 30? Did something change on your side? Cheers, Rachel"""),
    ("Payment terms for supplier file", "payment-terms", "LOW",
     """Dear AR team, could you send us your standard payment terms on letterhead for our new supplier file? Many thanks, Amelia Scott"""),
    ("Supply chain finance", "payment-terms", "NORMAL",
     """Hi Karin,

Hope all's well. Our treasury team is rolling out a supply chain finance programme with Harbour Commercial Bank next year. Short version: we'd move suppliers to 90-day terms, but you could choose to get paid after ~10 days by the bank at a small discount (around SOFR + 1.2% at the moment). No cost to join.

Would your finance team be open to a call about it? I can send the bank's info pack.

Cheers,
Jordan"""),
    ("due date", "payment-terms", "LOW",
     """Dear, what is the last day of payment for invoice 90017892? In the invoice I see two dates. Thank you"""),
    # --- credit-limit
    ("Credit limit - Christmas season", "credit-limit", "NORMAL",
     """Dear Credit Team,

With our Christmas season orders, our open balance will be around GBP 210,000 in early December, which is above our current limit of GBP 150,000. Could you raise the limit to GBP 250,000 temporarily, until 31 January?

Our payment record with you has been clean for four years, and I have attached our latest management accounts.

Best regards,
Niamh Murphy
Finance Director"""),
    ("Order 4500918 blocked by credit check", "credit-limit", "HIGH",
     """Hi Julia,

Our order 4500918 (USD 86,400.00) is blocked in your system because we're over our credit limit. We paid USD 120,000 yesterday (SWIFT attached), so once that is applied there should be plenty of room. Could you release the order today? The truck is booked for Thursday morning.

Thanks,
Marcus Walker"""),
    ("Production stop - credit block on our orders", "credit-limit", "CRITICAL",
     """Dear Mr. Okafor,

Since Monday all our orders have been blocked by your credit department, including the resin for our moulding line in Monterrey. We have now run out of material and Line 2 has stopped. We have customer deliveries of approximately USD 640,000 due next week that we cannot make.

I understand our balance is above the limit because of the invoices that are being discussed with your quality team, but blocking supply was never discussed with us. I need someone with authority to call me today.

Ricardo Flores
Plant Controller"""),
    ("credit limit", "credit-limit", "LOW",
     """Dear Sir, please inform us our credit limit amount currently. Thank you. Regards, Wei"""),
    ("Credit account application", "credit-limit", "NORMAL",
     """Hello,

We are opening a new bakery chain in Leeds (six sites) and would like to buy from you on account rather than by card. Could you send the credit application form and tell me what you need from us? We're a new company, so we only have 8 months of accounts.

Thank you,
Grace Allen"""),
    ("Reduced limit?", "credit-limit", "NORMAL",
     """Hi, I noticed in the portal that our credit limit went from EUR 80,000 down to EUR 40,000 this month. Nobody told us. Is there a reason? We've never been late. Regards, Matteo"""),
    ("Room on our limit after payment?", "credit-limit|payment-status", "NORMAL",
     """Good morning,

We just paid EUR 44.500,00 (covering invoices 2026/10/2208, 2209 and 2231). Can you confirm it has been received, and how much is left on our credit line? We want to place the December order next week.

Regards,
Zofia"""),
    ("", "credit-limit", "NORMAL",
     """pls increase credit limit to 100k, new contract w/ Pelican Retail starting Jan"""),
    ("Credit limit confirmation - tender", "credit-limit", "HIGH",
     """Dear Credit Team,

We are bidding in a public tender that requires a supplier credit confirmation of at least EUR 300,000 with you. The tender closes on Monday 30 November. Could you confirm in writing that you can extend our limit to that level if we win?

Attached: 2025 audited accounts and Q3 management accounts.

Kind regards,
Pierre Moreau
DAF, Valemont Engineering SAS"""),
    ("Request increase credit limit", "credit-limit", "NORMAL",
     """We want to increase our orders for the Ramadan season, therefore we request to increase the credit limit from USD 60.000 to USD 100.000 for 3 months. Our payment record is good. Kindly approve.

Best regards,
Ahmed Rahman
Purchase Manager"""),
    ("Credit limit review - new owners", "credit-limit|kyc-master-data", "HIGH",
     """Dear Credit Team,

As you may have heard, Kestrel Packaging was acquired by Galena Holdings on 1 November. Your credit department has since cut our limit to zero pending a review, and our December orders (~USD 95,000) are on hold.

Galena is a much larger group and can provide a parent company guarantee. Please let me know what you need - the updated ownership documents are attached.

Regards,
Nadia Fernandes
Finance Director"""),
    ("bigger orders from January", "credit-limit", "NORMAL",
     """Hi Julia, we'll be placing bigger orders from January with the new store opening - can you let me know how to apply for a higher limit? cheers, Tanya"""),
    # --- dispute
    ("Notice of dispute - invoice 7100051190", "dispute", "CRITICAL",
     """Dear Sirs,

We refer to your invoice 7100051190 dated 2 October 2026 for EUR 96,750.00 relating to the commissioning of the packaging line at our Turin plant.

As documented in our letters of 12 and 26 October, the line has not passed the acceptance test defined in Annex 3 of the contract: output is consistently below 70% of the guaranteed 120 packs/min. Under clause 11.2 the final 30% instalment only falls due after successful acceptance. We therefore dispute the invoice in full and reject the interest charged in your reminder of 18 November.

Our legal counsel has been instructed. Should you proceed with collection measures, we will assert our claims for contractual penalties.

Yours faithfully,
Matteo Rossi
Direttore Amministrativo
Orchard Machinery S.p.A."""),
    ("short pay INV-2026-004801", "dispute", "NORMAL",
     """Hey, we're short-paying INV-2026-004801 by $650 - the install crew billed 10 hrs but were only on site 6, our gate log shows that. Happy to talk if you see it differently. -Tyler"""),
    ("Chargeback notification", "dispute", "NORMAL",
     """Hello,

Please note that we have disputed the card payment of AUD 2,310.00 made on 14 October through your online portal with our card issuer, as the software licences were never activated. We tried to reach your support three times.

If you can activate the licences or refund us, we will withdraw the chargeback.

Regards,
Chloe Ng"""),
    ("Claim - goods damaged, payment withheld", "dispute|logistics-billing", "HIGH",
     """Dear Sir,

The container TGHU 448120-6 arrived to our warehouse in Izmir with 40% of the bags of fertiliser broken and wet. We made a survey report, attached. We will not pay invoice 2026/10/7710 (USD 63.800,00) until the claim is settled. Please contact your insurance urgently.

Best regards,
Mehmet Yilmaz
Import Dept."""),
    ("Dispute withdrawn - INV-2026-003305", "dispute", "LOW",
     """Hi Ines, after checking with our warehouse we found the missing carton - it was booked to the wrong location. Please close our dispute on INV-2026-003305; we'll pay the balance of $418.20 this week. Sorry for the trouble! Best, Kevin"""),
    ("Defective valves - invoice 90018240", "dispute", "NORMAL",
     """Dear Customer Service,

18 of the 120 valve assemblies delivered under PO 4500774 failed pressure testing (report attached). We have quarantined them and ask you to collect them. We have paid for the 102 good units and are withholding USD 3,420.00 until replacements arrive.

Kind regards,
Sunita Sharma
Quality & Purchasing"""),
    ("", "dispute", "NORMAL",
     """Disputing inv SI-26510, service not delivered in Oct. Will not pay."""),
    ("Weekend surcharge on 4432981", "dispute|billing-discrepancy", "NORMAL",
     """Hi,

On invoice 4432981 you've billed the weekend surcharge (+50%) for all hours, but the work was done Monday to Friday according to your own timesheets. We have paid the invoice minus the surcharge (EUR 2.145,00) and dispute that part. Please send a corrected invoice.

Regards,
Jan Dvorak"""),
    ("Late delivery penalty deducted", "dispute|logistics-billing", "HIGH",
     """Dear AR,

we have deducted the contractual late-delivery penalty of 5% (USD 3,960.00) from our payment of INV-2026-005417, as the delivery arrived 12 days after the agreed date (see clause 9). The final notice you sent today for this amount is therefore incorrect; please close the item.

Regards,
Brian Young"""),
    # --- refund
    ("Refund of duplicate payment", "refund", "NORMAL",
     """Dear AR team,

Our payment run on 12 November paid invoice INV-2026-005071 (EUR 8.712,50) twice - once in the run and once manually by a colleague who didn't see it had already gone. Please refund one of the payments to our account at Nordic Trade Bank (details unchanged). We'd prefer not to keep it as a credit.

Best regards,
Ingrid Lindqvist"""),
    ("Final request - refund of prepayment", "refund", "CRITICAL",
     """Dear Mr. Costa,

On 2 September we prepaid USD 74,000.00 for order PO-7731, which you cancelled on 10 October because of a shortage of raw material. Despite four emails and your written promise of 21 October, we have not received the refund.

This is our final request. Unless the full amount is back in our account by 2 December, our attorneys will file a claim for the amount plus interest and costs.

Regards,
Diego Navarro
Gerente de Finanzas, Estrella Agro S.A."""),
    ("Refund received", "refund", "LOW",
     """Hi Sarah, just to let you know the refund of £246.00 landed today. Thanks for chasing it. Could you email the credit note when you get a sec? Cheers, Oliver"""),
    ("Credit note for returned LED panels", "refund", "NORMAL",
     """Dear Madam,

We returned 15 pieces of the LED panels (your RMA 2211) on 3 November by DHL, tracking attached. Until now we did not receive the credit note. Please send it and refund the money, SGD 2,985.00.

Thanks and regards,
Jun Lim
Purchasing, Lodestar Electronics Pte. Ltd."""),
    ("Annual rebate 2025", "refund", "NORMAL",
     """Hello,

according to our agreement we are entitled to a 3% rebate on 2025 purchases above EUR 500.000. Our purchases were EUR 612.400, so the rebate is EUR 18.372,00. Could you issue the credit note and pay it to our account?

Kind regards,
Sophie Dubois"""),
    ("Credit balance of USD 88,210", "refund", "HIGH",
     """Hi,

Our statement shows a credit balance of USD 88,210.45 on account 100734 from the cancelled Q3 orders. As we are closing our US entity at the end of the month, we need this refunded before 30 November. Please tell me which documents you need.

Thanks,
Jennifer Clark
Controller"""),
    ("", "refund", "NORMAL",
     """where is refund for cn 81003317? promised 3 weeks ago"""),
    ("Refund - please pay in GBP", "refund|treasury-fx", "NORMAL",
     """Hello,

For the refund of the overpayment on SI-26071 (EUR 1.830,00), please pay it in GBP to our UK account, as we have closed our EUR account: IBAN GB71 HRBC 4021 7756 3310 52. I assume you'll use the rate on the day of payment?

Best,
Amelia Scott"""),
    ("Refund paid to an account that is not ours", "refund|kyc-master-data", "CRITICAL",
     """Hello,

We just received a notice that our refund of EUR 61.400,00 was paid on 20 November to an account at Banco del Sol. That is NOT our account - we have never banked there and we did not send any change of bank details. Somebody must have impersonated us.

Please stop any further payments to that account, tell us who requested the change, and ask your bank for a recall immediately. Our IT team is checking whether our mailbox was compromised.

Katrin Vogt
Head of Finance"""),
    ("training day refund", "refund", "NORMAL",
     """Hey, we cancelled the 2nd training day but still got charged for it on the card - can we get the $450 back? thx Brian"""),
    ("refund", "refund", "LOW",
     """Dear Sir, please let us know when the refund of USD 120 will be make. Not urgent. Thank you."""),
    ("Credit balance - refund please", "refund", "NORMAL",
     """Good morning,

There is a credit of €3.118,40 on our account from the goods returned in September. We would like it refunded rather than offset, as our Spanish entity that places the orders is being wound down. Please let me know what you need.

Best regards,
Javier Ramirez"""),
    # --- letter-of-credit
    ("LC 0412ILC2611 expiring 30 Nov - amendment needed", "letter-of-credit|logistics-billing", "HIGH",
     """Dear Ms. Tanaka,

LC 0412ILC2611 (USD 212,000.00) issued by Pacific Rim Banking Corp expires on 30 November, and your last email says the goods will only be ready on 8 December.

Please confirm the new shipment date in writing today, so we can request an amendment extending the latest shipment date to 15 December and the expiry to 5 January. Our bank needs 2 working days.

Regards,
Arjun Patel
Treasury, Tamarind Trading Pvt. Ltd."""),
    ("Draft MT700 for PO 4500612", "letter-of-credit", "NORMAL",
     """Hello,

Attached is the draft LC that our bank (Eastern Trust Bank) will issue for order 4500612. Key terms:
- USD 46,800.00, payable at sight
- latest shipment 20 January, expiry 10 February
- partial shipments not allowed
- documents: commercial invoice in 3 originals, full set of clean on-board B/L, packing list, certificate of origin

Could you confirm these terms are acceptable before we submit the application?

Regards,
Wei Chen"""),
    ("Discrepancy notice - LC/26/0815", "letter-of-credit", "NORMAL",
     """Dear Sirs,

Our bank has received your documents under LC/26/0815 and raised the following discrepancies: (1) the invoice shows "FOB Rotterdam", the LC requires "FOB Antwerp"; (2) the B/L is not endorsed. We are prepared to accept the discrepancies to avoid delay, but please note the discrepancy fee of EUR 90 will be deducted as per the LC terms. Please confirm.

Best regards,
Pieter Jansen"""),
    ("LC opening", "letter-of-credit", "NORMAL",
     """Dear Sir,

We will open the L/C next week through Banco del Sol for the order PO-2271. Kindly send us your proforma invoice with the details of your advising bank, because our bank ask for it.

Thank you,
Carlos Ramirez"""),
    ("Clean presentation", "letter-of-credit", "LOW",
     """Hi Paul, just to let you know our bank honoured your documents under LC-412 yesterday with no discrepancies. Thanks for the careful paperwork this time! Regards, Yuki"""),
    ("LC payment frozen - sanctions screening", "letter-of-credit", "CRITICAL",
     """Dear Trade Finance team,

Our bank has frozen the payment under documentary credit DC-DXB-2026-01177 (USD 389,500.00) because the vessel named on the B/L was flagged in sanctions screening. The compliance unit of the central bank has asked for the vessel's IMO number, the charter party and a statement from you about the routing by Thursday.

Without the release, our factory will run out of material next week. Please treat this with the highest priority.

Tariq Haddad
Finance Manager"""),
    ("LC currency and charges", "letter-of-credit|treasury-fx", "NORMAL",
     """Hello,

For the next order we plan to open the LC in EUR instead of USD. Would you accept that, and at what rate would you convert the USD price list? Also, our bank asks whether all charges outside Brazil can be for your account.

Best regards,
Beatriz Souza"""),
    ("Latest shipment date 28 Nov", "letter-of-credit|logistics-billing", "HIGH",
     """Hi,

the LC for order HB-PO-55120 has a latest shipment date of 28 November. Your forwarder now says the booking is on the vessel leaving 2 December. Either the goods get on the earlier vessel or we need an amendment today - and the amendment fee is yours, as the delay is on your side. Please advise.

Stefan"""),
    ("", "letter-of-credit", "NORMAL",
     """pls send copy of docs presented under LC ILC448120, bank is asking us to accept"""),
    ("Confirmation of LC M2210LC54411", "letter-of-credit", "NORMAL",
     """Dear Credit Department,

Our bank in Lagos has issued LC no. M2210LC54411 in your favour. Your sales team says you require the LC to be confirmed by a first-class bank. Could you tell us whether confirmation by Union Credit Bank London is acceptable, and whether the confirmation charges will be for your account or ours?

Regards,
Samuel Adeyemi"""),
    ("B/L date under LC 0982ILC2644", "letter-of-credit|dispute", "CRITICAL",
     """Dear Sirs,

The documents you presented under LC 0982ILC2644 show shipment on 14 November, but the container tracking shows the goods were loaded on 21 November, after the latest shipment date. The B/L date is therefore false.

We have instructed our bank not to pay and have asked our lawyers to review the matter.

Regards,
Ahmed Haddad
General Manager"""),
    # --- logistics-billing
    ("Invoice for full order, only part delivered", "logistics-billing", "NORMAL",
     """Hello,

Invoice INV-2026-006231 is for 48 pallets, but only 32 arrived on 19 November - the delivery note says 16 are on backorder. Please re-issue the invoice for the 32 pallets delivered and invoice the rest when it ships.

Regards,
Camila Torres"""),
    ("Shipment stopped - production at risk", "logistics-billing", "CRITICAL",
     """Dear Mr. Nakamura,

Your forwarder informed us this morning that container MSKU 551240-7 with our steel coils has been stopped in Hamburg because your freight invoice to them is unpaid. This material is for our press line in Brno and we have two days of stock left; the customer orders that depend on it are worth about EUR 1.2 million.

We have paid your invoice INV-2026-005877 in full. Please sort out the issue with your forwarder today.

Jan Dvorak
Supply Chain Director"""),
    ("damaged pallets CMR 4471/26", "logistics-billing", "NORMAL",
     """Dear team, the last delivery (CMR 4471/26) arrive with 3 pallets damaged, the driver signed the CMR with remark. We accept only the good pallets. Please send new invoice without the damaged pallets (EUR 2.940,00). Regards, Ewa Kowalski"""),
    ("Delivery completed", "logistics-billing", "LOW",
     """Hi, the remaining 8 pallets arrived today, so order PO-4471 is now complete. Feel free to send the final invoice. Thanks, Kevin"""),
    ("Goods not arrived - invoice due tomorrow", "logistics-billing|payment-terms", "HIGH",
     """Hello,

Your invoice SI-26330 (USD 57,120.00) is due tomorrow but the goods are still sitting in Santos port - the vessel arrived 9 days late and customs clearance is pending. Under our agreement payment is 30 days after delivery, so please move the due date.

Regards,
Rafael Oliveira"""),
    ("Demurrage charges on INV-2026-004980", "logistics-billing|billing-discrepancy", "NORMAL",
     """Dear AR,

your invoice INV-2026-004980 includes USD 2,850 of demurrage for container TCNU 220917-4. The container was held at the port because your export documents were late (see your own email of 4 Nov), so we don't think these charges are ours. Please remove them.

Best,
Linda Harris"""),
    ("", "logistics-billing", "NORMAL",
     """delivery 80041128 only half arrived but full invoice. pls correct"""),
    ("Duties charged although DDP", "logistics-billing|refund", "NORMAL",
     """Our order 4500887 was agreed DDP Calgary. The courier has now invoiced us CAD 1,940 in duties and taxes, which should be for your account. Could you reimburse us, or arrange with the courier to rebill you?

Regards,
Nicole"""),
    ("replacement parts", "logistics-billing", "NORMAL",
     """hi Tom, fyi the replacement parts for the damaged shipment still haven't shown up (3 weeks now). Can you keep the invoice for those on ice till they arrive? cheers, Grace"""),
    ("please ignore", "logistics-billing", "LOW",
     """Hello, the missing box is found in our warehouse, sorry. Please ignore my email from yesterday about invoice 2026/11/0881. Regards Ewa"""),
    # --- debt-restructuring
    ("Request for standstill", "debt-restructuring", "CRITICAL",
     """Dear Sir or Madam,

Highmoor Textiles Ltd is in discussions with its lenders about a refinancing. Our advisors, Calder Restructuring LLP, have recommended that we ask all trade creditors for a 60-day standstill on enforcement. Our total balance with you is GBP 212,400.

If the standstill is not agreed by our major creditors by 4 December, the directors have been advised that they will need to consider an insolvency filing. We appreciate your support and will share a repayment proposal within the standstill period.

Yours faithfully,
Patrick Walsh
Finance Director"""),
    ("Request installment", "debt-restructuring", "NORMAL",
     """Dear Sir,

Because of the floods in our region in October, our sales is very low. We have open invoices of USD 24.600 with you. We kindly request to pay in 6 installments of USD 4.100 from December. We hope for your understanding.

Best regards,
Thanh Nguyen
Director, Pelican Seafood Co., Ltd."""),
    ("Payment plan complete", "debt-restructuring", "LOW",
     """Hi Femi, the last instalment of our payment plan (GBP 1,250) went out this morning. Could you confirm the account is clear and send a final statement? Thanks for your patience this year. Best, Niamh"""),
    ("Missed instalment - November", "debt-restructuring", "HIGH",
     """Hello,

We were unable to pay the November instalment of EUR 8.000 under our agreement of 15 July because a customer payment was delayed. Your letter says the whole remaining balance of EUR 56.000 is now due immediately.

Could we instead move the November instalment to the end of the plan? We can pay December on time.

Regards,
Tomasz Nowak"""),
    ("cash flow", "debt-restructuring|payment-terms", "NORMAL",
     """Hi Monique, we're struggling a bit with cash flow after the expansion. Could we pay the open balance (around USD 31,000) over 4 months, and could our terms go from 30 to 45 days for the next half year? Happy to discuss on a call. Thanks, Keisha Davis"""),
    ("", "debt-restructuring", "NORMAL",
     """can we pay the $9,800 balance in 3 parts? cash is tight this month"""),
    ("Account on hold - please consider our plan", "debt-restructuring", "HIGH",
     """Dear Credit Department,

We understand you have put our account on hold because of the overdue balance of USD 44,300. We fully intend to pay. We propose USD 10,000 on 1 December and USD 8,575 on the first of each of the following four months.

Our next shipment is due to load on 2 December and our customers depend on it, so we would really appreciate a quick decision.

Regards,
Andres Castillo
Gerente General"""),
    ("Tidewater Marine Supplies Ltd - trade creditors", "debt-restructuring", "NORMAL",
     """Dear Sir or Madam,

We act for Tidewater Marine Supplies Ltd, which has engaged us to assist with an informal restructuring of its trade liabilities. We understand your company is owed approximately GBP 27,300 in respect of invoices issued between July and September 2026.

Our client intends to make a proposal to all trade creditors within the next four weeks, expected to offer repayment in full over 12 months. In the meantime we would be grateful if you could confirm the outstanding balance and provide a statement of account.

Yours faithfully,
Calder Restructuring LLP
on behalf of Tidewater Marine Supplies Ltd"""),
    ("credit line during payment plan", "debt-restructuring|credit-limit", "NORMAL",
     """Hello, given our current payment plan, we understand our credit line is frozen. Once we have paid the first three instalments on time, could the credit limit be reinstated at a lower level, say EUR 20.000, so that we can keep ordering? Regards, Marta"""),
    # --- kyc-master-data
    ("New bank details - Greystone Paper Ltd", "kyc-master-data|treasury-fx", "NORMAL",
     """Dear AR team,

Following our move to Union Credit Bank, please update our bank details for direct debits and refunds from 1 January 2027. The signed letter on our letterhead and the bank's confirmation are attached.

Please verify by calling me on the number you have on file (not the one in this email signature), as you asked last time.

Kind regards,
Olga Petrov
Financial Controller"""),
    ("New phone number", "kyc-master-data", "LOW",
     """Hi, small update: our main office number has changed to +44 113 496 0990. Everything else stays the same. Thanks, Claire"""),
    ("KYC renewal documents", "kyc-master-data", "NORMAL",
     """Dear Compliance team,

please find attached the documents for our periodic KYC review: commercial register extract (dated 12 Nov 2026), updated list of directors, UBO declaration signed by both managing directors, and ID copies. Please let us know if anything else is needed.

Best regards,
Lukas Meyer
Finance, Nordlicht Components GmbH"""),
    ("KYC expired - orders blocked?", "kyc-master-data", "HIGH",
     """Hello,

Your system tells our buyer that our account is restricted because our KYC has expired. We sent the documents to your compliance team on 2 November and heard nothing back. We have an order for EUR 78.000 that must ship this week. Could you check what is missing and unblock the account?

Regards,
Jonas Albers
Borealis Foods GmbH"""),
    ("Company name change - effective 1 December", "kyc-master-data", "NORMAL",
     """Dear Sir or Madam,

Please note that with effect from 1 December 2026, Baltica Agro Sp. z o.o. will change its name to Baltica Harvest Sp. z o.o. The KRS number, VAT number, address and bank details remain unchanged. The court registration certificate is attached.

Please issue invoices in the new name from December.

Kind regards,
Zofia Kowalski"""),
    ("UBO change", "kyc-master-data", "NORMAL",
     """Dear Sir, the shareholders of our company changed in October. Now the UBO is Mr. Hiroshi Ito with 60%. Please find attached the new company registry. Kindly update. Thanks & Best regards, Mei Wong"""),
    ("Request from regulator - due diligence documents", "kyc-master-data", "CRITICAL",
     """Dear Compliance,

our bank's financial crime unit, acting on a request from the national financial intelligence unit, has asked us to provide the due diligence documents we hold on our business partners, including the KYC confirmation you issued for us in 2025 and your own registration documents. We have to respond by Friday.

Could you please send us your certificate of incorporation and a confirmation of our KYC status?

Regards,
Elena Popescu
Compliance Officer"""),
    ("We've moved!", "kyc-master-data", "NORMAL",
     """Hi there, we've moved! From 1 December our address is Unit 4, Riverside Park, Leeds LS10 1AB. Please update it for invoices and statements. Thanks, Amelia"""),
    ("", "kyc-master-data", "NORMAL",
     """what documents do you need for onboarding? new customer, want to order asap"""),
    ("New invoice mailbox", "kyc-master-data|invoice-copy", "NORMAL",
     """Hello,

Please change the invoice email address on our account to invoices@dunmore-marine.example (the old accounts@ mailbox is being closed) and resend any invoices issued since 15 November to the new address.

Thanks,
Patrick Brennan"""),
    ("KYC this year?", "kyc-master-data", "LOW",
     """Just checking - do you need anything from us for the KYC this year? Last year you asked in November. - Mei"""),
    ("Did someone ask you to change our bank details?", "kyc-master-data|treasury-fx", "CRITICAL",
     """Hello,

we have just discovered that our email account was hacked last week, and emails were sent in our name to several customers and suppliers asking them to change bank details. If you received any request to change our bank account for refunds or credit notes, please disregard it and do not make any payment to new details. Our bank details have NOT changed.

Please confirm that you have not changed anything.

Chiara Bianchi
Amministrazione"""),
    # --- treasury-fx
    ("Exchange rate on INV-2026-005344", "treasury-fx|billing-discrepancy", "NORMAL",
     """Hello,

invoice INV-2026-005344 is in EUR (€12.480,00), but our contract is in USD and says conversion at the ECB reference rate of the invoice date. The rate on 28 October was 1.0829; you seem to have used 1.0610. Can you tell me which rate was used and reissue the invoice in USD?

Regards,
James Young"""),
    ("bank charge", "treasury-fx|payment-status", "NORMAL",
     """Dear Sir, your bank deducted USD 25 from our payment, so the invoice shows open USD 25. We paid the full amount with SHA. Please close the invoice, we cannot pay more charges. Regards, Li Na Wang"""),
    ("Is this your new bank account?", "treasury-fx", "CRITICAL",
     """Hi Sandra,

we got an email today from "finance@halvorsen-trading.example" (not your usual domain, I think) with a letter saying your bank details have changed and asking us to pay the open invoices (about EUR 230.000) to an account in Lithuania. It looks very professional but something feels off. We have stopped the payment run.

Can you please call me to confirm your correct bank details?

Thanks,
Marta"""),
    ("Netting proposal", "treasury-fx", "NORMAL",
     """Dear AR team,

We currently have your invoices of EUR 41.200 open, and you owe us EUR 17.850 for the services our Lyon site provided (our invoice FR-26-0912). Instead of two transfers, could we net the two and pay you EUR 23.350? Our treasury would send a netting statement for you to sign.

Kind regards,
Claire Dubois
Trésorerie"""),
    ("wire instructions", "treasury-fx", "LOW",
     """Hi, please send us your wire instructions for USD payments - we're setting you up in our new treasury system. thanks, Kevin"""),
    ("Payment in GBP - need a rate", "treasury-fx", "HIGH",
     """Hi Mark,

We need to pay your invoices totalling EUR 96,300 by Friday. Our treasury would prefer to pay in GBP. Could you quote the GBP amount you'd accept if we pay on Thursday? If not, we'll pay in EUR as invoiced.

Thanks,
Oliver Wright"""),
    ("Payment returned by correspondent bank", "treasury-fx", "NORMAL",
     """Hello,

our payment of SGD 14,200.00 for SI-26217 was returned by the correspondent bank with the reason "beneficiary account name mismatch". Please confirm the exact account name and whether the BIC on your invoice is still valid. We'll resend once confirmed.

Regards,
Ethan Tan"""),
    ("MT103", "treasury-fx", "LOW",
     """Could you send us the MT103 for the refund you made last week? Our bank wants it for their incoming payment records. Not urgent. Thanks, Ayesha"""),
    ("", "treasury-fx", "NORMAL",
     """which rate you use to convert EUR to USD in invoice 90016612?"""),
    ("invoicing in CAD", "treasury-fx", "NORMAL",
     """Hey, any chance you could invoice us in CAD from next year? The USD conversion costs us a fortune every month. Cheers, Derek"""),
    ("Payment held by our bank - compliance", "treasury-fx|kyc-master-data", "CRITICAL",
     """Dear Sir/Madam,

Our outgoing payment of USD 212,700.00 to your account (ref TRN44120981) has been held by our bank's sanctions compliance team, because your bank's correspondent is in a jurisdiction on their watch list. The central bank requires us to provide the underlying contract and your ownership structure by Monday, or the payment will be returned.

Please send these today.

Kind regards,
Tariq Rahman
Treasury Manager"""),
    # --- general
    ("Thanks!", "general", "LOW",
     """Hi Ines, thanks a lot for the quick help with the statement yesterday, all reconciled now. Have a great weekend! Grace"""),
    ("Statement of account", "general", "LOW",
     """Dear AR, could you please send a statement of account for customer no. 100488 as of 30 November? Thank you, Mariana Souza"""),
    ("Our account manager", "general", "LOW",
     """Hello,

Could you let me know who our account manager is now? Our previous contact, Mr. Becker, has retired, I believe.

Kind regards,
Hiroshi Ito"""),
    ("Audit confirmation request", "general", "NORMAL",
     """Dear Sir or Madam,

In connection with the audit of our financial statements for the year ending 31 December 2026, please confirm directly to our auditors, Cairn & Partners, the balance owed by us to you as at that date. A pre-printed confirmation form is attached; please sign it and return it to the auditors' address shown.

Yours faithfully,
Stefan Becker
Finance Director"""),
    ("letter received", "general", "NORMAL",
     """hi, we got a letter from you dated 16 nov with ref "AR-CL-3" but it only has a table with numbers and no explanation. what do you want us to do?? Dmitri"""),
    ("Personal data in your statement", "general", "CRITICAL",
     """Dear Sir/Madam,

Your latest statement to us contained the account details and invoice list of another customer (Oakridge Medical). We have deleted it, but our data protection officer has asked us to notify you formally; we may be obliged to report the incident to the data protection authority within 72 hours.

Please confirm what happened and what you are doing about it.

Regards,
Yasmin Haddad
DPO"""),
    ("Automatic reply: RE: Statement", "general", "LOW",
     """I am out of the office until 2 December with limited access to email. For urgent matters please contact accounts@riverbend-foods.example.

Thank you,
Beatriz Silva"""),
    ("Season's greetings", "general", "LOW",
     """Dear all,

As the year comes to an end, we would like to thank you for the good cooperation in 2026 and wish the whole finance team happy holidays. Our office will be closed from 24 December to 2 January.

Warm regards,
The Accounts team at Larkspur Furniture"""),
    ("email of finance department", "general", "LOW",
     """Dear Sir, please inform the email of your finance department for sending our documents. Thank you."""),
    ("Meeting in January?", "general", "NORMAL",
     """Hi Peter, our new CFO would like to meet the finance contacts of our main suppliers in January. Would you or a colleague from credit be available for an hour in our Antwerp office, or on a video call? Regards, Sophie Jansen"""),
    ("", "general", "LOW", """thanks, got it."""),
    ("Balance confirmation needed by Friday", "general", "HIGH",
     """Dear team,

our auditors are still waiting for your balance confirmation; the request went out on 2 November and we haven't had a response. They close their fieldwork on Friday 27 November. Could you please return it directly to them this week?

Thank you,
Claire Moreau"""),
    ("ERP migration", "general", "LOW",
     """Hello,

we are migrating to a new ERP on 1 January. During the cut-over (28 Dec - 4 Jan) we will not be able to process invoices or payments, so please don't worry if you see a slight delay in early January. If you have any questions you can reach me here.

Kind regards,
Lukas Fischer"""),
    ("re: thanks", "general", "LOW", """got it, thanks Paul! have a good one"""),
    ("letters and emails", "general", "NORMAL",
     """Dear Sir, we receive many emails from your company and also paper letters. Please tell which one is valid, the amount in both is not same."""),
]


# ---------------------------------------------------------------------------------------------
# Corpus assembly
# ---------------------------------------------------------------------------------------------

def normalise(text):
    return re.sub(r"\s+", " ", text.strip().lower())


def choose_labels(r, main, urgency):
    if main == "general" or urgency == "LOW" or r.random() >= 0.19:
        return (main,)
    combos = [k for k in COMBOS if k[0] == main]
    if combos and r.random() < 0.6:
        return r.choice(combos)
    return (main, r.choice(SECONDARY_OK[main]))


def generate_rows(r):
    rows = []
    seen = set()
    for subject, types, urgency, body in HANDWRITTEN:
        key = normalise(body)
        assert key not in seen, body[:60]
        seen.add(key)
        rows.append({"subject": subject, "body": body, "types": types, "urgency": urgency,
                     "source": "handwritten"})
    for main in TYPES:
        for _ in range(GENERATED_PER_TYPE):
            urgency = r.choices(URGENCIES, weights=URGENCY_WEIGHTS[main])[0]
            labels = choose_labels(r, main, urgency)
            for _attempt in range(50):
                subject, body = compose(r, labels[0], list(labels[1:]), urgency)
                if len(body) > 1500:  # keep bodies to a realistic e-mail length
                    continue
                key = normalise(body)
                if key not in seen:
                    break
            else:
                raise RuntimeError(f"could not make a unique {main} inquiry")
            seen.add(key)
            rows.append({"subject": subject, "body": body, "types": "|".join(labels),
                         "urgency": urgency, "source": "generated"})
    return rows


def assign_ids_and_split(r, rows):
    r.shuffle(rows)
    for n, row in enumerate(rows, start=1):
        row["id"] = f"INQ-{n:05d}"
        row["split"] = "train"
    by_main = defaultdict(list)
    for row in rows:
        by_main[row["types"].split("|")[0]].append(row)
    for main in TYPES:
        group_rows = sorted(by_main[main], key=lambda x: x["id"])
        r.shuffle(group_rows)
        for row in group_rows[:round(len(group_rows) * TEST_SHARE)]:
            row["split"] = "test"
    return rows


def summary(rows):
    lines = []
    main_counts = Counter(row["types"].split("|")[0] for row in rows)
    any_counts = Counter(t for row in rows for t in row["types"].split("|"))
    test_counts = Counter(row["types"].split("|")[0] for row in rows if row["split"] == "test")
    lines.append(f"rows: {len(rows)}  (hand-written {sum(r['source'] == 'handwritten' for r in rows)}, "
                 f"generated {sum(r['source'] == 'generated' for r in rows)})")
    multi = sum("|" in row["types"] for row in rows)
    lines.append(f"multi-label rows: {multi} ({100.0 * multi / len(rows):.1f}%)")
    lines.append("")
    lines.append(f"{'type':<20} {'main':>5} {'any':>5} {'test':>5}")
    for t in TYPES:
        lines.append(f"{t:<20} {main_counts[t]:>5} {any_counts[t]:>5} {test_counts[t]:>5}")
    lines.append("")
    urg = Counter(row["urgency"] for row in rows)
    lines.append("urgency: " + ", ".join(f"{u} {urg[u]}" for u in URGENCIES))
    split = Counter(row["split"] for row in rows)
    lines.append("split: " + ", ".join(f"{s} {split[s]}" for s in ("train", "test")))
    empty = sum(1 for row in rows if not row["subject"])
    lengths = sorted(len(row["body"]) for row in rows)
    lines.append(f"empty subjects: {empty}; body length min {lengths[0]}, median "
                 f"{lengths[len(lengths) // 2]}, max {lengths[-1]}")
    return "\n".join(lines)


def check(rows):
    """Fails loudly if the corpus breaks the rules the README promises."""
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    bodies = [normalise(row["body"]) for row in rows]
    assert len(bodies) == len(set(bodies)), "duplicate bodies"
    assert len(rows) >= 1300, "fewer than 1,300 rows"
    main_counts = Counter(row["types"].split("|")[0] for row in rows)
    for t in TYPES:
        assert main_counts[t] >= 80, f"{t}: only {main_counts[t]} rows as main type"
    urg = Counter(row["urgency"] for row in rows)
    for u in URGENCIES:
        assert urg[u] >= 80, f"{u}: only {urg[u]} rows"
    for row in rows:
        labels = row["types"].split("|")
        assert all(t in TYPES for t in labels) and len(labels) == len(set(labels)), row["types"]
        assert row["urgency"] in URGENCIES and row["split"] in ("train", "test")
        assert "{" not in row["body"] and "}" not in row["body"], row["body"]
        assert len(row["body"]) <= 1500, len(row["body"])


def keyword_stats(rows):
    """For each type: the single word that best separates it (F1 of 'word present' vs 'type is
    main type'). High values would mean a keyword alone can tell the class."""
    docs = [(set(re.findall(r"[a-z][a-z'/-]+", (row["subject"] + " " + row["body"]).lower())),
             row["types"].split("|")[0]) for row in rows]
    vocab = Counter(w for words, _ in docs for w in words)
    out = []
    for t in TYPES:
        positives = sum(1 for _, m in docs if m == t)
        best = (0.0, "")
        for w, df in vocab.items():
            if df < 10:
                continue
            tp = sum(1 for words, m in docs if m == t and w in words)
            if tp == 0:
                continue
            precision, recall = tp / df, tp / positives
            f1 = 2 * precision * recall / (precision + recall)
            best = max(best, (f1, w))
        out.append(f"{t:<20} best single word '{best[1]}' F1 {best[0]:.2f}")
    invoice_types = Counter(m for words, m in docs if "invoice" in words)
    out.append("types whose rows mention 'invoice': "
               + ", ".join(f"{t} {invoice_types[t]}" for t in TYPES))
    return "\n".join(out)


def write(rows, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(HEADER)
        for row in sorted(rows, key=lambda x: x["id"]):
            w.writerow([row[h] for h in HEADER])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT, help="where to write the CSV")
    parser.add_argument("--stats", action="store_true",
                        help="also print the best single-keyword F1 per type")
    args = parser.parse_args(argv)
    r = random.Random(SEED)
    rows = generate_rows(r)
    rows = assign_ids_and_split(random.Random(SEED + 1), rows)
    check(rows)
    write(rows, args.out)
    print(f"wrote {os.path.relpath(args.out)}")
    print(summary(rows))
    if args.stats:
        print()
        print(keyword_stats(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
