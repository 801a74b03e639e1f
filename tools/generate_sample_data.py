#!/usr/bin/env python3
"""Generates the local sample data: customers.csv (customer master) and open-items.csv (AR ledger).

Written for this project; every name, domain and number is invented. Deterministic: a fixed seed,
no dependence on the clock or on hash ordering, so re-running reproduces both files byte for byte.

    python3 tools/generate_sample_data.py

It writes both files into deploy/local/data, where ./stack loads them from.

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
"""
import csv
import datetime as dt
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
    "openAmount", "status", "orderNumber", "letterOfCreditNumber",
]

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


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\r\n")
        w.writeheader()
        w.writerows(rows)


def main():
    r = random.Random(SEED)
    customers = generate_customers(r)
    items = generate_items(r, customers)
    write_csv(os.path.join(HERE, "customers.csv"), CUSTOMER_HEADER, customers)
    write_csv(os.path.join(HERE, "open-items.csv"), ITEM_HEADER, items)

    print(f"customers.csv: {len(customers)} customers")
    for column in ("segment", "region", "kycStatus", "riskRating", "creditLimitCurrency"):
        counts = Counter(c[column] for c in customers)
        print(f"  {column}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"  account managers: {len({c['accountManager'] for c in customers})}")
    print(f"open-items.csv: {len(items)} documents")
    for column in ("documentType", "status"):
        counts = Counter(i[column] for i in items)
        print(f"  {column}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
