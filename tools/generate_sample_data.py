#!/usr/bin/env python3
"""Generates the local sample data: customers.csv (customer master), open-items.csv (AR ledger)
and contract-terms.csv (payment terms and letters of credit per customer contract).

Written for this project; every name, domain, bank and number is invented. Deterministic: fixed
seeds, no dependence on the clock or on hash ordering, so re-running reproduces all three files
byte for byte. The customer master and the ledger's original columns come from one stream,
random.Random(SEED); the later additions use their own streams (SEED + 1 for paidOn and
promisedPaymentDate, SEED + 2 for the contracts), so adding them changed no earlier value.

    python3 tools/generate_sample_data.py

It writes the files into deploy/local/data, where ./stack loads them from.

Conventions (see also the report printed at the end):
- "today" for the ledger is AS_OF = 2026-11-25: an item with an open amount and a due date before
  AS_OF is OVERDUE; an unpaid invoice due on or after AS_OF is OPEN; a partly paid one
  PARTIALLY_PAID; an item with openAmount 0.00 is PAID.
- Amounts are signed as on a customer statement: invoices positive; credit notes and payments
  negative (they reduce what the customer owes). openAmount carries the same sign as amount.
  A credit note or payment that is OPEN is unapplied (on account); PAID means fully applied.
  For payments dueDate = issueDate (the value date); for credit notes dueDate = issueDate.
- kycExpiresOn: VERIFIED always in the future; EXPIRED and FAILED in the past; PENDING is blank
  (first verification still running) or a near date (renewal in progress).
- paidOn (open-items): the day an invoice was settled in full; set only on INVOICE rows with
  status PAID, between issueDate + 1 and AS_OF. About 60% are paid on or before dueDate, the
  rest 1..60 days late (invoices not yet due by AS_OF can only have been paid on time). Blank on
  every other row (credit notes, payments, open/overdue/partly paid invoices).
- promisedPaymentDate (open-items): the date the customer promised to pay (collections). Blank
  when there is no promise; never before dueDate. How to read it:
    * on an invoice still open (OVERDUE / PARTIALLY_PAID, due before AS_OF), a date before AS_OF
      is a BROKEN promise (the date passed and the money did not come); a date after AS_OF is an
      OPEN promise, not yet due;
    * on a PAID invoice (only late-paid ones carry a promise), paidOn after the promised date is a
      BROKEN promise (paid, but late), paidOn on or before it a KEPT one.
- contract-terms.csv: one row per customer contract, contractId CT-<customer number>-<n>, sorted
  by the customer order of customers.csv, then n. Every customer has at least one contract;
  customers without letters of credit have one or two (two = an expired contract and its
  successor, validFrom = predecessor's validTo + 1 day).
  * paymentTerms NET<paymentTermsDays>, or "<p>/<d> NET<days>" when an early-payment discount
    applies (discountPercent p, discountDays d; both blank otherwise). lateInterestPercent is an
    annual rate or blank. validFrom is in 2024..AS_OF; validTo blank (open-ended) or after
    validFrom, in the past for an expired contract.
  * Letter of credit: the lc* columns are all blank or all filled, except that
    lcConfirmingBank, lcLatestShipmentDate and lcTolerancePercent may be blank in an LC
    contract. Every letterOfCreditNumber in open-items.csv has exactly one contract (of the same
    customer) with that lcNumber, so a customer with k LC numbers has 1 + k contracts (its
    general contract plus one per LC, which can make more than two). An LC contract's
    paymentTermsDays are the terms of the invoice(s) drawn under it; lcCurrency is the invoice
    currency; lcAmount >= the sum of the customer's invoice amounts under that LC; lcExpiryDate
    is after AS_OF for most (a few have already expired); lcTolerancePercent is the +/- amount
    tolerance (blank = none); lcDocuments is a ";"-separated list of the documents to present.
"""
import csv
import datetime as dt
import math
import os
import random
import re
from collections import Counter

SEED = 424242
AS_OF = dt.date(2026, 11, 25)
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "deploy", "local", "data")

CUSTOMER_HEADER = [
    "customerId", "legalName", "segment", "region", "contactNames", "contactEmails",
    "emailDomains", "kycStatus", "kycExpiresOn", "accountManager", "creditLimit",
    "creditLimitCurrency", "lifetimeValue", "lifetimeValueCurrency",
    "acquisitionCostPaybackMonths", "riskRating",
]
ITEM_HEADER = [
    "documentNumber", "documentType", "customerId", "issueDate", "dueDate", "amount", "currency",
    "openAmount", "status", "orderNumber", "letterOfCreditNumber", "paidOn", "promisedPaymentDate",
]
CONTRACT_HEADER = [
    "customerId", "contractId", "paymentTerms", "paymentTermsDays", "discountPercent",
    "discountDays", "lateInterestPercent", "validFrom", "validTo", "lcNumber", "lcIssuingBank",
    "lcConfirmingBank", "lcAmount", "lcCurrency", "lcExpiryDate", "lcLatestShipmentDate",
    "lcPresentationDays", "lcTolerancePercent", "lcDocuments",
]
LC_COLUMNS = [h for h in CONTRACT_HEADER if h.startswith("lc")]
LC_OPTIONAL = {"lcConfirmingBank", "lcLatestShipmentDate", "lcTolerancePercent"}

ACCOUNT_MANAGERS = [
    "am.jsmith", "am.mgarcia", "am.pnovak", "am.kokafor", "am.lchen", "am.rbianchi", "am.sdubois",
    "am.tnakamura", "am.afernandes", "am.hmuller", "am.dokonkwo", "am.ejohansson", "am.vrao",
    "am.clopez", "am.bwilliams",
]

# Name parts for invented legal names. Combined with a descriptor and a legal form per region.
NAME_STEMS = [
    "Acacia", "Albatross", "Alder", "Altamira", "Amberline", "Anchorage", "Aquila", "Arden",
    "Argent", "Ashgrove", "Aurora", "Avalon", "Azimuth", "Baltica", "Banyan", "Basalt", "Bayview",
    "Beacon", "Bellwether", "Birchwood", "Blackthorn", "Bluewater", "Bramble", "Brightwell",
    "Brookfield", "Cairn", "Calder", "Camden", "Canopy", "Capstone", "Cardinal", "Carrow",
    "Cascadia", "Cedar Point", "Celadon", "Chalkstone", "Cinnabar", "Clearwater", "Coastal",
    "Condor", "Copperleaf", "Coral Bay", "Cornerstone", "Crestline", "Cypress", "Dalmore",
    "Delta Rio", "Driftwood", "Dunmore", "Eastgate", "Elmstead", "Emberly", "Equinox", "Estrella",
    "Fairhaven", "Falcon Ridge", "Fernhill", "Fjordline", "Flintlock", "Foxglove", "Galena",
    "Garnet", "Glacier", "Goldcrest", "Granite Peak", "Greenfield", "Greystone", "Halcyon",
    "Harbourside", "Harrow", "Hawthorn", "Heliotrope", "Highmoor", "Hollybush", "Horizon",
    "Ironbridge", "Ivory Coast", "Jadestone", "Juniper", "Kestrel", "Kingsbridge", "Kodiak",
    "Lakeshore", "Larkspur", "Laurel", "Lighthouse", "Linden", "Lodestar", "Lumen", "Magnolia",
    "Mallard", "Maplewood", "Marlin", "Meadowbrook", "Meridian", "Millbrook", "Monarch",
    "Moonstone", "Northwind", "Nordlicht", "Oakridge", "Obsidian", "Ocelot", "Olympus", "Onyx",
    "Orchard", "Osprey", "Pacifica", "Palisade", "Paragon", "Pelican", "Peregrine", "Pinecrest",
    "Polaris", "Prairie", "Quarry", "Quillon", "Rainier", "Redwood", "Ridgeway", "Riverbend",
    "Rosewood", "Saffron", "Sagebrush", "Salt Creek", "Sandpiper", "Sapphire", "Seabright",
    "Sequoia", "Sierra Alta", "Silverline", "Skylark", "Solano", "Sorrel", "Southbank", "Sparrow",
    "Starling", "Stonebridge", "Summit", "Sunderland", "Sycamore", "Tamarind", "Tern", "Thistle",
    "Tidewater", "Timberline", "Topaz", "Trillium", "Tundra", "Umber", "Valemont", "Vantage",
    "Verdant", "Vireo", "Wakefield", "Westbrook", "Whitecliff", "Willowmere", "Windmill",
    "Wolfram", "Yarrow", "Zenith", "Zephyr",
]
DESCRIPTORS = [
    "Industrial Supplies", "Foods", "Retail", "Logistics", "Components", "Textiles", "Pharma",
    "Agro", "Metals", "Packaging", "Electronics", "Hospitality Group", "Marine Supplies",
    "Building Materials", "Chemicals", "Medical Devices", "Energy Services", "Paper Products",
    "Automotive Parts", "Beverages", "Furniture", "Plastics", "Trading", "Engineering",
    "Home Goods", "Apparel", "Laboratories", "Seeds", "Machinery", "Office Solutions",
]
PUBLIC_BODIES = [
    "City of {stem}", "{stem} County Council", "{stem} Regional Health Authority",
    "{stem} Water Board", "{stem} University Hospital", "{stem} School District",
    "{stem} Port Authority", "{stem} Transit Authority", "Municipality of {stem}",
    "{stem} Public Library Trust",
]
LEGAL_FORMS = {
    "NA": ["Inc", "LLC", "Corp", "Ltd", "Co"],
    "EMEA": ["GmbH", "Ltd", "S.A.", "S.r.l.", "B.V.", "AB", "A/S", "Oy", "SAS", "Sp. z o.o.",
             "plc", "AG", "N.V.", "S.L."],
    "LATAM": ["S.A. de C.V.", "Ltda.", "S.A.", "S.R.L.", "SpA", "S.A.C."],
    "APAC": ["Pty Ltd", "Pte. Ltd.", "Co., Ltd.", "K.K.", "Pvt. Ltd.", "Sdn. Bhd.", "Limited"],
}
FIRST = {
    "NA": ["James", "Maria", "Robert", "Jennifer", "Michael", "Linda", "David", "Patricia",
           "Chris", "Ashley", "Kevin", "Megan", "Brian", "Tanya", "Marcus", "Keisha", "Tyler",
           "Rachel", "Derek", "Nicole", "Omar", "Grace", "Jordan", "Heather"],
    "EMEA": ["Anna", "Lukas", "Sophie", "Thomas", "Elena", "Jonas", "Marta", "Pierre", "Ingrid",
             "Tomasz", "Chiara", "Hans", "Fatima", "Oliver", "Amelia", "Niamh", "Mehmet",
             "Katrin", "Pieter", "Zofia", "Matteo", "Leila", "Sven", "Claire"],
    "LATAM": ["Carlos", "Lucia", "Diego", "Camila", "Javier", "Valentina", "Andres", "Fernanda",
              "Mateo", "Gabriela", "Ricardo", "Paula", "Joao", "Beatriz", "Rafael", "Mariana"],
    "APAC": ["Wei", "Yuki", "Priya", "Arjun", "Mei", "Hiroshi", "Siti", "Jun", "Anika", "Kenji",
             "Ravi", "Li Na", "Thanh", "Ayesha", "Min-jun", "Chloe", "Ethan", "Nurul"],
}
LAST = {
    "NA": ["Johnson", "Williams", "Brown", "Miller", "Davis", "Rodriguez", "Thompson", "Walker",
           "Harris", "Clark", "Lewis", "Young", "Allen", "King", "Wright", "Scott", "Baker",
           "Nguyen", "Hill", "Green", "Adams", "Campbell"],
    "EMEA": ["Muller", "Schmidt", "Rossi", "Dubois", "Jansen", "Nowak", "Andersson", "Kowalski",
             "Fischer", "Moreau", "Bianchi", "Larsen", "Murphy", "O'Brien", "Yilmaz", "Weber",
             "Novak", "Virtanen", "Hansen", "Costa", "Meyer", "Petrov"],
    "LATAM": ["Gonzalez", "Silva", "Pereira", "Ramirez", "Torres", "Flores", "Herrera",
              "Castillo", "Morales", "Vargas", "Rojas", "Mendoza", "Souza", "Oliveira", "Navarro"],
    "APAC": ["Wang", "Tanaka", "Sharma", "Patel", "Kim", "Tan", "Lim", "Suzuki", "Nguyen",
             "Chen", "Singh", "Wong", "Park", "Ito", "Rahman", "Lee", "Kumar", "Ong"],
}
CURRENCY_BY_REGION = {
    "NA": [("USD", 1)],
    "EMEA": [("EUR", 7), ("GBP", 3), ("USD", 1)],
    "LATAM": [("USD", 1)],
    "APAC": [("USD", 1)],
}

# Invented banks for letters of credit. The issuing bank sits on the buyer's (customer's) side, so
# it is drawn per region; the confirming bank is one of the trade banks on the seller's side.
ISSUING_BANKS = {
    "NA": ["Harbourline Trade Bank", "Kestrelpoint Commerce Bank", "Granite Fork National Bank"],
    "EMEA": ["Stonefjord Merchant Bank", "Veldmoor Handelsbank", "Amberquay Commercial Bank",
             "Larkhaven Bank of Commerce", "Banca Corvelle Mercantile"],
    "LATAM": ["Banco Solcrest Comercial", "Banco Rio Calandra", "Banco Mirapampa de Comercio"],
    "APAC": ["Pacific Lanternway Bank", "Jadeharbour Trading Bank", "Orinmarsh Banking Corporation",
             "Sunvale Merchant Bank"],
}
CONFIRMING_BANKS = [
    "Meridian Commerce Bank", "Quillwater Trade Bank", "Tidereach Export Bank",
    "Harbourline Trade Bank", "Corvelle Trade Finance Bank",
]
LC_DOCUMENTS = [
    "commercial invoice", "bill of lading", "packing list", "certificate of origin",
    "insurance certificate", "inspection certificate",
]
# (discount %, discount days, net days) for terms with an early-payment discount
DISCOUNT_TERMS = [(2, 10, 30), (2, 10, 30), (1, 10, 30), (2, 15, 45), (3, 10, 60)]
LATE_INTEREST = ["6.00", "7.50", "8.00", "8.00", "9.00", "10.00", "12.00"]


def pick_weighted(r, pairs):
    values = [v for v, _ in pairs]
    weights = [w for _, w in pairs]
    return r.choices(values, weights=weights)[0]


def slug(text):
    text = text.lower().replace("&", "and")
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return text.strip("-")


def money(value):
    return f"{value:.2f}"


def email_for(r, name, domain, style):
    parts = [slug(p).replace("-", "") for p in name.split()]
    first, last = parts[0], parts[-1]
    local = {
        0: f"{first}.{last}",
        1: f"{first[0]}.{last}",
        2: f"{first}{last[0]}",
        3: f"{first}_{last}",
        4: f"{first[0]}{last}",
    }[style]
    return f"{local}@{domain}"


def fixed_customers():
    return [
        {
            "customerId": "C-1001", "legalName": "Acme Industrial Supplies Ltd",
            "segment": "ENTERPRISE", "region": "NA",
            "contactNames": "Dana Ortiz;Lee Park",
            "contactEmails": "dana.ortiz@acme.example;lee.park@acme.example",
            "emailDomains": "acme.example", "kycStatus": "VERIFIED",
            "kycExpiresOn": "2027-06-30", "accountManager": "am.jsmith",
            "creditLimit": "500000.00", "creditLimitCurrency": "USD",
            "lifetimeValue": "2400000.00", "lifetimeValueCurrency": "USD",
            "acquisitionCostPaybackMonths": "9", "riskRating": "LOW",
        },
        {
            "customerId": "C-1002", "legalName": "Borealis Foods GmbH",
            "segment": "MID_MARKET", "region": "EMEA",
            "contactNames": "Ana Weber;Jonas Albers",
            "contactEmails": "ana.weber@borealis-foods.example;jonas.albers@borealis-foods.example",
            "emailDomains": "borealis-foods.example", "kycStatus": "EXPIRED",
            "kycExpiresOn": "2026-03-31", "accountManager": "am.hmuller",
            "creditLimit": "100000.00", "creditLimitCurrency": "EUR",
            "lifetimeValue": "640000.00", "lifetimeValueCurrency": "EUR",
            "acquisitionCostPaybackMonths": "14", "riskRating": "MEDIUM",
        },
        {
            "customerId": "C-1003", "legalName": "Cobalt Retail Inc",
            "segment": "SMB", "region": "NA",
            "contactNames": "Sam Rivera",
            "contactEmails": "sam.rivera@cobalt-retail.example",
            "emailDomains": "cobalt-retail.example", "kycStatus": "PENDING",
            "kycExpiresOn": "", "accountManager": "am.bwilliams",
            "creditLimit": "40000.00", "creditLimitCurrency": "USD",
            "lifetimeValue": "95000.00", "lifetimeValueCurrency": "USD",
            "acquisitionCostPaybackMonths": "18", "riskRating": "UNRATED",
        },
    ]


def generate_customers(r):
    customers = fixed_customers()
    used_names = {c["legalName"] for c in customers}
    used_domains = {"acme.example", "borealis-foods.example", "cobalt-retail.example"}
    used_stems = {"Acme", "Borealis", "Cobalt"}
    stems = list(NAME_STEMS)
    r.shuffle(stems)
    stem_iter = iter(stems)
    for n in range(1004, 1301):
        segment = pick_weighted(
            r, [("ENTERPRISE", 20), ("MID_MARKET", 35), ("SMB", 35), ("PUBLIC_SECTOR", 10)])
        region = pick_weighted(r, [("EMEA", 38), ("NA", 34), ("LATAM", 12), ("APAC", 16)])
        stem = next(stem_iter, None)
        if stem is None:  # more customers than stems: combine two stems
            stem = f"{r.choice(NAME_STEMS)} {r.choice(['North', 'South', 'East', 'West'])}"
        while stem in used_stems:
            stem = f"{stem} {r.choice(['Group', 'Partners', 'Holdings'])}"
        used_stems.add(stem)
        if segment == "PUBLIC_SECTOR":
            legal = r.choice(PUBLIC_BODIES).format(stem=stem)
        else:
            legal = f"{stem} {r.choice(DESCRIPTORS)} {r.choice(LEGAL_FORMS[region])}"
        assert legal not in used_names
        used_names.add(legal)

        base = slug(stem)
        domains = [f"{base}.example"]
        if r.random() < 0.15:  # a second domain: a brand or a regional subsidiary
            extra = r.choice([f"{base}-group.example", f"{base}-{region.lower()}.example",
                              f"{base}-{slug(legal.split()[-1])}.example", f"my{base}.example"])
            if extra != domains[0]:
                domains.append(extra)
        for d in domains:
            assert d not in used_domains, d
            used_domains.add(d)

        contacts = []
        for _ in range(r.choice([1, 1, 2, 2, 2, 3])):
            name = f"{r.choice(FIRST[region])} {r.choice(LAST[region])}"
            if name not in contacts:
                contacts.append(name)
        style = r.randrange(5)  # one address convention per company
        emails = []
        for i, name in enumerate(contacts):
            domain = domains[0] if i == 0 or len(domains) == 1 else r.choice(domains)
            email = email_for(r, name, domain, style)
            if email in emails:
                email = email.replace("@", f"{i + 1}@")
            emails.append(email)

        kyc = pick_weighted(r, [("VERIFIED", 80), ("PENDING", 8), ("EXPIRED", 8), ("FAILED", 4)])
        if kyc == "VERIFIED":
            expires = AS_OF + dt.timedelta(days=r.randint(20, 900))
        elif kyc == "EXPIRED":
            expires = AS_OF - dt.timedelta(days=r.randint(1, 400))
        elif kyc == "FAILED":
            expires = AS_OF - dt.timedelta(days=r.randint(10, 200))
        else:
            expires = None if r.random() < 0.6 else AS_OF + dt.timedelta(days=r.randint(3, 45))
        # ISO dates; month ends are common in KYC cycles
        if expires is not None and r.random() < 0.4:
            nxt = dt.date(expires.year + (expires.month == 12), expires.month % 12 + 1, 1)
            month_end = nxt - dt.timedelta(days=1)
            if (month_end >= AS_OF) == (expires >= AS_OF):
                expires = month_end

        currency = pick_weighted(r, CURRENCY_BY_REGION[region])
        low, high = {
            "ENTERPRISE": (250, 2000), "MID_MARKET": (50, 500), "SMB": (5, 75),
            "PUBLIC_SECTOR": (100, 1000),
        }[segment]
        credit = r.randint(low, high) * 1000
        credit = max(5000, round(credit / 5000) * 5000)
        lifetime = round(credit * r.uniform(0.8, 9.0), -2)
        if r.random() < 0.25:  # some odd cents
            lifetime += r.randint(1, 99) / 100
        payback = "" if r.random() < 0.03 else str(
            r.randint(3, 48) if segment != "ENTERPRISE" else r.randint(3, 30))

        risk_weights = {
            "ENTERPRISE": [("LOW", 55), ("MEDIUM", 30), ("HIGH", 8), ("VERY_HIGH", 2), ("UNRATED", 5)],
            "MID_MARKET": [("LOW", 35), ("MEDIUM", 40), ("HIGH", 15), ("VERY_HIGH", 4), ("UNRATED", 6)],
            "SMB": [("LOW", 20), ("MEDIUM", 35), ("HIGH", 25), ("VERY_HIGH", 8), ("UNRATED", 12)],
            "PUBLIC_SECTOR": [("LOW", 70), ("MEDIUM", 20), ("HIGH", 3), ("VERY_HIGH", 0), ("UNRATED", 7)],
        }[segment]
        risk = pick_weighted(r, risk_weights)
        if kyc == "FAILED":
            risk = r.choice(["HIGH", "VERY_HIGH"])
        elif kyc == "PENDING" and r.random() < 0.5:
            risk = "UNRATED"

        customers.append({
            "customerId": f"C-{n}", "legalName": legal, "segment": segment, "region": region,
            "contactNames": ";".join(contacts), "contactEmails": ";".join(emails),
            "emailDomains": ";".join(domains), "kycStatus": kyc,
            "kycExpiresOn": expires.isoformat() if expires else "",
            "accountManager": r.choice(ACCOUNT_MANAGERS),
            "creditLimit": money(credit), "creditLimitCurrency": currency,
            "lifetimeValue": money(lifetime), "lifetimeValueCurrency": currency,
            "acquisitionCostPaybackMonths": payback, "riskRating": risk,
        })
    return customers


class Numbers:
    """Sequential document numbers per prefix, skipping the numbers the fixed rows reserve."""

    def __init__(self, reserved):
        self.next = {"INV": 1, "CN": 1, "PAY": 1}
        self.reserved = set(reserved)

    def take(self, prefix):
        while True:
            number = f"{prefix}-2026-{self.next[prefix]:06d}"
            self.next[prefix] += 1
            if number not in self.reserved:
                return number


def status_of(amount, open_amount, due):
    if open_amount == 0:
        return "PAID"
    if due < AS_OF and amount > 0:
        return "OVERDUE"
    if abs(open_amount) < abs(amount):
        return "PARTIALLY_PAID"
    return "OPEN"


def item(number, kind, customer, issue, due, amount, currency, open_amount, order="", lc=""):
    return {
        "documentNumber": number, "documentType": kind, "customerId": customer,
        "issueDate": issue.isoformat(), "dueDate": due.isoformat(), "amount": money(amount),
        "currency": currency, "openAmount": money(open_amount),
        "status": status_of(round(amount, 2), round(open_amount, 2), due),
        "orderNumber": order, "letterOfCreditNumber": lc,
    }


def fixed_items():
    d = dt.date
    return {
        "C-1001": [
            item("INV-2026-000098", "INVOICE", "C-1001", d(2026, 9, 15), d(2026, 10, 15),
                 4800.00, "USD", 0.00, "PO-5480"),
            item("PAY-2026-000041", "PAYMENT", "C-1001", d(2026, 10, 14), d(2026, 10, 14),
                 -4800.00, "USD", 0.00),
            item("INV-2026-000123", "INVOICE", "C-1001", d(2026, 10, 20), d(2026, 11, 19),
                 22000.00, "USD", 22000.00, "PO-5521", "LC-77"),
            item("INV-2026-000187", "INVOICE", "C-1001", d(2026, 11, 3), d(2026, 12, 3),
                 61250.00, "USD", 61250.00, "PO-5547"),
        ],
        "C-1002": [  # the demo's "overdue by 45 days ... open EUR 36,500"
            item("INV-2026-000061", "INVOICE", "C-1002", d(2026, 9, 11), d(2026, 10, 11),
                 21000.00, "EUR", 21000.00, "BF-2026-118"),
            item("INV-2026-000079", "INVOICE", "C-1002", d(2026, 9, 26), d(2026, 10, 26),
                 15500.00, "EUR", 15500.00, "BF-2026-131"),
            item("INV-2026-000031", "INVOICE", "C-1002", d(2026, 8, 12), d(2026, 9, 11),
                 8750.00, "EUR", 0.00, "BF-2026-097"),
            item("PAY-2026-000052", "PAYMENT", "C-1002", d(2026, 9, 10), d(2026, 9, 10),
                 -8750.00, "EUR", 0.00),
        ],
        "C-1003": [  # the demo's short payment on INV-2026-000311
            item("INV-2026-000311", "INVOICE", "C-1003", d(2026, 11, 5), d(2026, 12, 5),
                 9870.00, "USD", 1240.00, "CR-7781"),
            item("PAY-2026-000197", "PAYMENT", "C-1003", d(2026, 11, 20), d(2026, 11, 20),
                 -8630.00, "USD", 0.00),
        ],
    }


def generate_items(r, customers):
    fixed = fixed_items()
    reserved = [row["documentNumber"] for rows in fixed.values() for row in rows]
    numbers = Numbers(reserved)
    items = []
    for c in customers:
        cid = c["customerId"]
        if cid in fixed:
            items.extend(fixed[cid])
            continue
        currency = c["creditLimitCurrency"]
        limit = float(c["creditLimit"])
        count = r.randint(2, 8)
        rows = []
        po_style = r.randrange(3)
        uses_lc = c["region"] in ("LATAM", "APAC", "EMEA") and r.random() < 0.2
        for _ in range(count):
            kind = pick_weighted(r, [("INVOICE", 70), ("PAYMENT", 20), ("CREDIT_NOTE", 10)])
            issue = AS_OF - dt.timedelta(days=r.randint(2, 150))
            if kind == "INVOICE":
                terms = r.choice([30, 30, 30, 45, 60, 60, 90, 14])
                due = issue + dt.timedelta(days=terms)
                amount = round(r.uniform(0.005, 0.25) * limit, 2)
                amount = max(amount, 150.0)
                roll = r.random()
                if due < AS_OF:  # older invoices are mostly settled
                    if roll < 0.62:
                        open_amount = 0.0
                    elif roll < 0.80:
                        open_amount = amount
                    else:
                        open_amount = round(amount * r.uniform(0.1, 0.9), 2)
                else:
                    if roll < 0.15:
                        open_amount = 0.0
                    elif roll < 0.85:
                        open_amount = amount
                    else:
                        open_amount = round(amount * r.uniform(0.1, 0.9), 2)
                order = {
                    0: f"PO-{r.randint(1000, 9999)}",
                    1: f"45{r.randint(10000000, 99999999)}",
                    2: f"{slug(c['legalName'])[:2].upper()}-2026-{r.randint(1, 999):03d}",
                }[po_style] if r.random() < 0.85 else ""
                lc = f"LC-{r.randint(100, 9999)}" if uses_lc and r.random() < 0.6 else ""
                rows.append(item("INV", kind, cid, issue, due, amount, currency,
                                 open_amount, order, lc))
            else:
                amount = -round(r.uniform(0.002, 0.12) * limit, 2)
                amount = min(amount, -50.0)
                applied = r.random()
                if applied < 0.7:
                    open_amount = 0.0
                elif applied < 0.9:
                    open_amount = amount
                else:
                    open_amount = round(amount * r.uniform(0.2, 0.8), 2)
                prefix = "PAY" if kind == "PAYMENT" else "CN"
                rows.append(item(prefix, kind, cid, issue, issue, amount, currency,
                                 open_amount))
        items.extend(rows)
    # number the generated documents in issue order, as a billing system would
    generated = [i for i in items if "-" not in i["documentNumber"]]
    generated.sort(key=lambda x: (x["issueDate"], x["customerId"]))
    for i in generated:
        i["documentNumber"] = numbers.take(i["documentNumber"])
    order = {c["customerId"]: n for n, c in enumerate(customers)}
    items.sort(key=lambda x: (order[x["customerId"]], x["issueDate"], x["documentNumber"]))
    return items


FIXED_PAID_ON = {"INV-2026-000098": "2026-10-14", "INV-2026-000031": "2026-09-10"}
FIXED_PROMISES = {"INV-2026-000061": "2026-11-15", "INV-2026-000079": "2026-12-04"}


def days(n):
    return dt.timedelta(days=n)


def rand_date(r, low, high):
    """A date in [low, high], both inclusive."""
    return low + days(r.randint(0, (high - low).days))


def month_end(date):
    nxt = dt.date(date.year + (date.month == 12), date.month % 12 + 1, 1)
    return nxt - days(1)


def add_payment_dates(r, items):
    """Fills paidOn and promisedPaymentDate in place (see the module docstring)."""
    fixed = {row["documentNumber"] for rows in fixed_items().values() for row in rows}
    for i in items:
        number = i["documentNumber"]
        i["paidOn"] = ""
        i["promisedPaymentDate"] = ""
        if number in fixed:
            i["paidOn"] = FIXED_PAID_ON.get(number, "")
            i["promisedPaymentDate"] = FIXED_PROMISES.get(number, "")
            continue
        if i["documentType"] != "INVOICE":
            continue
        issue = dt.date.fromisoformat(i["issueDate"])
        due = dt.date.fromisoformat(i["dueDate"])
        if i["status"] == "PAID":
            max_late = min(60, (AS_OF - due).days)
            if max_late >= 1 and r.random() < 0.45:
                # late payers: short delays are the most common
                late = min(max_late, 1 + int(r.triangular(0, max_late, 0)))
                paid = due + days(late)
                if r.random() < 0.2:  # chased by collections: a promise before payment came
                    if r.random() < 0.5:  # broken: the money came after the promised date
                        promised = rand_date(r, min(due + days(1), paid - days(1)),
                                             paid - days(1))
                    else:  # kept: paid on or before the promised date
                        promised = rand_date(r, paid, min(paid + days(10), AS_OF))
                    i["promisedPaymentDate"] = promised.isoformat()
            else:
                # on time: between issue + 1 and the due date, leaning towards the due date
                last = min(due, AS_OF)
                span = (last - issue).days - 1
                paid = issue + days(1 + min(span, int(r.triangular(0, span + 1, span + 1))))
            assert issue < paid <= AS_OF, (number, paid)
            i["paidOn"] = paid.isoformat()
        elif i["status"] in ("OVERDUE", "PARTIALLY_PAID") and due < AS_OF:
            if r.random() < 0.35:
                if due + days(3) <= AS_OF - days(1) and r.random() < 0.5:
                    promised = rand_date(r, due + days(3), AS_OF - days(1))  # broken
                else:
                    promised = rand_date(r, AS_OF + days(1), AS_OF + days(21))  # open
                i["promisedPaymentDate"] = promised.isoformat()


def promise_outcome(i):
    """BROKEN / OPEN / KEPT for an item with a promisedPaymentDate, else None."""
    promised = i["promisedPaymentDate"]
    if not promised:
        return None
    if i["paidOn"]:
        return "KEPT" if i["paidOn"] <= promised else "BROKEN"
    return "BROKEN" if promised < AS_OF.isoformat() else "OPEN"


def contract(cid, n, days_, valid_from, valid_to=None, discount=None, interest="", lc=None):
    """discount: (percent, days) or None; lc: dict of the lc* columns or None."""
    pct, ddays = discount if discount else ("", "")
    terms = f"NET{days_}" if not discount else f"{pct}/{ddays} NET{days_}"
    row = {
        "customerId": cid, "contractId": f"CT-{cid.split('-')[1]}-{n}", "paymentTerms": terms,
        "paymentTermsDays": str(days_),
        "discountPercent": money(pct) if discount else "",
        "discountDays": str(ddays) if discount else "",
        "lateInterestPercent": interest,
        "validFrom": valid_from.isoformat(), "validTo": valid_to.isoformat() if valid_to else "",
    }
    for column in LC_COLUMNS:
        row[column] = (lc or {}).get(column, "")
    if lc:
        assert all(row[c] for c in LC_COLUMNS if c not in LC_OPTIONAL), row
    return row


def fixed_contracts():
    d = dt.date
    return {
        "C-1001": [
            contract("C-1001", 1, 30, d(2025, 1, 1), d(2027, 12, 31), interest="8.00"),
            contract("C-1001", 2, 30, d(2026, 9, 1), d(2027, 3, 31), lc={
                "lcNumber": "LC-77", "lcIssuingBank": "Harbourline Trade Bank",
                "lcConfirmingBank": "Meridian Commerce Bank", "lcAmount": "22000.00",
                "lcCurrency": "USD", "lcExpiryDate": "2026-12-15",
                "lcLatestShipmentDate": "2026-11-20", "lcPresentationDays": "21",
                "lcTolerancePercent": "5.00",
                "lcDocuments": "commercial invoice;bill of lading;packing list;"
                               "certificate of origin",
            }),
        ],
        "C-1002": [contract("C-1002", 1, 30, d(2024, 6, 1), interest="9.00")],
        "C-1003": [contract("C-1003", 1, 30, d(2025, 3, 1), discount=(2, 10))],
    }


def general_terms(r, segment):
    """(net days, discount or None, late interest) of a customer's general contract."""
    if r.random() < 0.15 and segment != "PUBLIC_SECTOR":
        pct, ddays, net = r.choice(DISCOUNT_TERMS)
        return net, (pct, ddays), ""
    net = pick_weighted(r, {
        "ENTERPRISE": [(30, 40), (45, 20), (60, 25), (90, 15)],
        "MID_MARKET": [(14, 5), (30, 55), (45, 20), (60, 20)],
        "SMB": [(14, 25), (30, 60), (45, 10), (60, 5)],
        "PUBLIC_SECTOR": [(30, 50), (45, 20), (60, 25), (90, 5)],
    }[segment])
    interest = "" if r.random() < 0.45 else r.choice(LATE_INTEREST)
    return net, None, interest


def lc_terms(r, customer, number, invoices):
    """The lc* columns of the contract behind letter of credit `number`."""
    first_issue = min(dt.date.fromisoformat(i["issueDate"]) for i in invoices)
    last_issue = max(dt.date.fromisoformat(i["issueDate"]) for i in invoices)
    total = round(sum(float(i["amount"]) for i in invoices), 2)
    currencies = {i["currency"] for i in invoices}
    assert len(currencies) == 1, number
    lc_amount = math.ceil(total * r.uniform(1.0, 1.5) / 500) * 500
    assert lc_amount >= total
    presentation = 21 if r.random() < 0.7 else r.choice([5, 7, 10, 14, 15, 30])
    if r.random() < 0.12 and last_issue + days(30) <= AS_OF - days(1):  # already expired
        expiry = rand_date(r, max(last_issue + days(30), AS_OF - days(90)), AS_OF - days(1))
    else:
        expiry = rand_date(r, AS_OF + days(5), AS_OF + days(150))
    shipment = ""
    if r.random() < 0.8:
        shipment = max(last_issue, expiry - days(presentation + r.randint(0, 10))).isoformat()
    issuing = r.choice(ISSUING_BANKS[customer["region"]])
    confirming = "" if r.random() < 0.35 else r.choice(
        [b for b in CONFIRMING_BANKS if b != issuing])
    extra = [d for d in LC_DOCUMENTS[2:] if r.random() < 0.5]
    return {
        "lcNumber": number, "lcIssuingBank": issuing, "lcConfirmingBank": confirming,
        "lcAmount": money(lc_amount), "lcCurrency": currencies.pop(),
        "lcExpiryDate": expiry.isoformat(), "lcLatestShipmentDate": shipment,
        "lcPresentationDays": str(presentation),
        "lcTolerancePercent": pick_weighted(r, [("5.00", 5), ("10.00", 3), ("", 2)]),
        "lcDocuments": ";".join(LC_DOCUMENTS[:2] + extra),
    }, first_issue, expiry


def generate_contracts(r, customers, items):
    fixed = fixed_contracts()
    lc_invoices = {}  # customerId -> {lcNumber: [invoices]}, in ledger order
    first_item = {}  # customerId -> issue date of the customer's first ledger item
    for i in items:
        issue = dt.date.fromisoformat(i["issueDate"])
        first_item[i["customerId"]] = min(issue, first_item.get(i["customerId"], issue))
        if i["letterOfCreditNumber"]:
            lc_invoices.setdefault(i["customerId"], {}).setdefault(
                i["letterOfCreditNumber"], []).append(i)
    contracts = []
    for c in customers:
        cid = c["customerId"]
        if cid in fixed:
            contracts.extend(fixed[cid])
            continue
        lcs = lc_invoices.get(cid, {})
        rows = []
        net, discount, interest = general_terms(r, c["segment"])
        if not lcs and r.random() < 0.3:  # an expired contract and its successor
            start = rand_date(r, dt.date(2024, 1, 1), dt.date(2025, 6, 30))
            end = month_end(rand_date(r, start + days(180), AS_OF - days(40)))
            old_net = r.choice([n for n in (14, 30, 45, 60) if n != net])
            rows.append(contract(cid, 1, old_net, start, end,
                                 interest="" if r.random() < 0.5 else r.choice(LATE_INTEREST)))
            rows.append(contract(cid, 2, net, end + days(1), None, discount, interest))
        else:
            # in force when the customer's first ledger item was issued
            start = rand_date(r, dt.date(2024, 1, 1),
                              min(dt.date(2026, 10, 31), first_item.get(cid, AS_OF)))
            if r.random() < 0.3:
                start = start.replace(day=1)
            roll = r.random()
            if roll < 0.5:
                end = None
            elif roll < 0.94 or start + days(180) > AS_OF - days(31):
                end = month_end(rand_date(r, max(start + days(365), AS_OF + days(30)),
                                          max(start + days(365), AS_OF + days(30)) + days(700)))
            else:  # lapsed, renewal still under negotiation
                end = month_end(rand_date(r, start + days(180), AS_OF - days(31)))
            rows.append(contract(cid, 1, net, start, end, discount, interest))
        for number, invoices in lcs.items():
            lc, first_issue, expiry = lc_terms(r, c, number, invoices)
            terms = {(dt.date.fromisoformat(i["dueDate"])
                      - dt.date.fromisoformat(i["issueDate"])).days for i in invoices}
            start = first_issue - days(r.randint(7, 75))
            if r.random() < 0.5:
                start = start.replace(day=1)
            end = None if r.random() < 0.2 else month_end(expiry + days(r.randint(15, 110)))
            rows.append(contract(cid, len(rows) + 1, max(terms), start, end,
                                 interest="" if r.random() < 0.6 else r.choice(LATE_INTEREST),
                                 lc=lc))
        contracts.extend(rows)
    return contracts


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\r\n")
        w.writeheader()
        w.writerows(rows)


def main():
    r = random.Random(SEED)
    customers = generate_customers(r)
    items = generate_items(r, customers)
    # later additions: own streams, so the columns above stay exactly as they were
    add_payment_dates(random.Random(SEED + 1), items)
    contracts = generate_contracts(random.Random(SEED + 2), customers, items)
    write_csv(os.path.join(HERE, "customers.csv"), CUSTOMER_HEADER, customers)
    write_csv(os.path.join(HERE, "open-items.csv"), ITEM_HEADER, items)
    write_csv(os.path.join(HERE, "contract-terms.csv"), CONTRACT_HEADER, contracts)

    print(f"customers.csv: {len(customers)} customers")
    for column in ("segment", "region", "kycStatus", "riskRating", "creditLimitCurrency"):
        counts = Counter(c[column] for c in customers)
        print(f"  {column}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"  account managers: {len({c['accountManager'] for c in customers})}")
    print(f"open-items.csv: {len(items)} documents")
    for column in ("documentType", "status"):
        counts = Counter(i[column] for i in items)
        print(f"  {column}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    paid = [i for i in items if i["documentType"] == "INVOICE" and i["status"] == "PAID"]
    late = sum(1 for i in paid if i["paidOn"] > i["dueDate"])
    print(f"  paid invoices with paidOn: {sum(1 for i in paid if i['paidOn'])} of {len(paid)}"
          f" (on time {len(paid) - late}, late {late})")
    outcomes = Counter((promise_outcome(i), bool(i["paidOn"])) for i in items
                       if i["promisedPaymentDate"])
    print(f"  promisedPaymentDate: {sum(outcomes.values())} promises:"
          f" broken {outcomes[('BROKEN', False)] + outcomes[('BROKEN', True)]}"
          f" ({outcomes[('BROKEN', False)]} on open invoices, {outcomes[('BROKEN', True)]}"
          f" paid late), open {outcomes[('OPEN', False)]}, kept {outcomes[('KEPT', True)]}")
    with_lc = [k for k in contracts if k["lcNumber"]]
    per_customer = Counter(Counter(k["customerId"] for k in contracts).values())
    print(f"contract-terms.csv: {len(contracts)} contracts for"
          f" {len({k['customerId'] for k in contracts})} customers, {len(with_lc)} with a letter"
          f" of credit ({sum(1 for k in with_lc if k['lcExpiryDate'] < AS_OF.isoformat())}"
          " expired)")
    print("  contracts per customer: "
          + ", ".join(f"{k}: {v}" for k, v in sorted(per_customer.items())))
    ends = Counter("open-ended" if not k["validTo"] else
                   "expired" if k["validTo"] < AS_OF.isoformat() else "future"
                   for k in contracts)
    print("  validTo: " + ", ".join(f"{k} {v}" for k, v in sorted(ends.items())))
    counts = Counter(k["paymentTerms"] for k in contracts)
    print("  paymentTerms: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
