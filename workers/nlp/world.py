"""A small table of the world's names by kind, for entities the gazetteer does not know: countries
and major places, nationalities, and organisations news names most (international bodies,
newspapers and broadcasters, platforms and apps, companies).

The gazetteer (``gazetteer.py``) holds the entities the desk resolves and corefers; this table only
gives a name its kind, so that "Ukraine", "Ukrainians", "TikTok" or "Le Monde" is never taken for a
person. Names that are also common first names or surnames ("Jordan", "Chad") are left out: the
capitalised-name fallback reads them in context.
"""

from __future__ import annotations

from functools import lru_cache

COUNTRIES = (
    "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Argentina", "Armenia", "Australia",
    "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium",
    "Belize", "Benin", "Bhutan", "Bolivia", "Bosnia", "Bosnia and Herzegovina", "Botswana",
    "Brazil", "Brunei", "Bulgaria", "Burkina Faso", "Burundi", "Cambodia", "Cameroon",
    "Cape Verde", "Central African Republic", "Chile", "Colombia", "Comoros", "Congo",
    "Costa Rica", "Croatia", "Cyprus", "Czech Republic", "Czechia", "Denmark", "Djibouti",
    "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea",
    "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia", "Georgia",
    "Germany", "Ghana", "Greece", "Greenland", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau",
    "Guyana", "Haiti", "Honduras", "Hong Kong", "Hungary", "Iceland", "India", "Indonesia", "Iran",
    "Iraq", "Ireland", "Israel", "Italy", "Ivory Coast", "Jamaica", "Japan", "Kazakhstan",
    "Kenya", "Kiribati", "Kosovo", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho",
    "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi",
    "Malaysia", "Maldives", "Mali", "Malta", "Mauritania", "Mauritius", "Moldova", "Monaco",
    "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal",
    "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Korea",
    "North Macedonia", "Norway", "Oman", "Pakistan", "Palau", "Palestine", "Panama",
    "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Puerto Rico",
    "Qatar", "Romania", "Russia", "Rwanda", "Samoa", "San Marino", "Saudi Arabia", "Senegal",
    "Serbia", "Seychelles", "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Somalia",
    "South Africa", "South Korea", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname",
    "Sweden", "Switzerland", "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand",
    "Timor-Leste", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Turkey", "Türkiye",
    "Turkmenistan", "Tuvalu", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom",
    "Uruguay", "Uzbekistan", "Vanuatu", "Vatican", "Venezuela", "Vietnam", "Yemen", "Zambia",
    "Zimbabwe", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland",
    "Crimea", "Gaza", "Gaza Strip", "West Bank", "Kashmir", "Tibet", "Darfur", "Donbas",
    "Europe", "Africa", "Asia", "Latin America", "South America", "North America",
    "Middle East", "Central America", "Caribbean", "Balkans", "Scandinavia", "Sahel",
)  # fmt: skip
PLACES = (
    "Kyiv", "Kiev", "Kharkiv", "Odesa", "Mariupol", "Moscow", "St. Petersburg", "Minsk", "Warsaw",
    "Berlin", "Munich", "Hamburg", "Frankfurt", "Paris", "Marseille", "Lyon", "London",
    "Manchester", "Edinburgh", "Dublin", "Madrid", "Barcelona", "Lisbon", "Rome", "Milan",
    "Naples", "Vienna", "Prague", "Budapest", "Bucharest", "Sofia", "Athens", "Istanbul",
    "Ankara", "Brussels", "Amsterdam", "The Hague", "Geneva", "Zurich", "Stockholm", "Oslo",
    "Copenhagen", "Helsinki", "Tallinn", "Riga", "Vilnius", "Belgrade", "Zagreb", "Jerusalem",
    "Tel Aviv", "Gaza City", "Rafah", "Khan Younis", "Ramallah", "Beirut", "Damascus", "Aleppo",
    "Baghdad", "Tehran", "Riyadh", "Doha", "Dubai", "Abu Dhabi", "Cairo", "Amman", "Sanaa",
    "Khartoum", "Nairobi", "Addis Ababa", "Lagos", "Abuja", "Kinshasa", "Johannesburg",
    "Cape Town", "Accra", "Dakar", "Tripoli", "Tunis", "Algiers", "Rabat", "Kabul", "Islamabad",
    "Karachi", "Lahore", "New Delhi", "Delhi", "Mumbai", "Kolkata", "Dhaka", "Kathmandu",
    "Colombo", "Beijing", "Shanghai", "Hong Kong", "Taipei", "Tokyo", "Osaka", "Seoul",
    "Pyongyang", "Manila", "Jakarta", "Bangkok", "Hanoi", "Kuala Lumpur", "Sydney", "Melbourne",
    "Canberra", "Auckland", "Ottawa", "Toronto", "Montreal", "Vancouver", "New York",
    "New York City", "Los Angeles", "Chicago", "Houston", "Miami", "Boston", "Atlanta",
    "San Francisco", "Seattle", "Philadelphia", "Detroit", "Dallas", "Phoenix", "Denver",
    "Brasília", "Brasilia", "São Paulo", "Sao Paulo", "Rio de Janeiro", "Buenos Aires",
    "Santiago", "Lima", "Bogotá", "Bogota", "Caracas", "Quito", "La Paz", "Montevideo",
    "Guadalajara", "Monterrey", "Tijuana", "Ciudad Juárez", "Jalisco", "Sinaloa", "Chihuahua",
    "Michoacán", "Guatemala City", "San Salvador", "Tegucigalpa", "Managua", "Panama City",
    "Port-au-Prince", "Kingston", "Alabama", "Alaska", "Colorado", "Connecticut", "Delaware",
    "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "North Carolina",
    "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
    "South Carolina", "South Dakota", "Tennessee", "Utah", "Vermont", "Virginia",
    "West Virginia", "Wisconsin", "Wyoming", "Ontario", "Quebec", "Alberta", "British Columbia",
    "Bavaria", "Catalonia", "Siberia", "Donetsk", "Luhansk", "Zaporizhzhia", "Kherson",
)  # fmt: skip
# Adjectives of nationality. Alone they are no entity ("French farmers"); in the plural they
# name a group ("Ukrainians", "Germans"), except those whose plural is the adjective itself.
NATIONALITIES = (
    "Afghan", "Albanian", "Algerian", "American", "Angolan", "Argentine", "Argentinian",
    "Armenian", "Australian", "Austrian", "Azerbaijani", "Bangladeshi", "Belarusian", "Belgian",
    "Bolivian", "Bosnian", "Brazilian", "British", "Bulgarian", "Burmese", "Cambodian",
    "Cameroonian", "Canadian", "Chilean", "Chinese", "Colombian", "Congolese", "Croatian",
    "Cuban", "Cypriot", "Czech", "Danish", "Dominican", "Dutch", "Ecuadorian", "Egyptian",
    "Emirati", "English", "Eritrean", "Estonian", "Ethiopian", "European", "Filipino", "Finnish",
    "French", "Georgian", "German", "Ghanaian", "Greek", "Guatemalan", "Haitian", "Honduran",
    "Hungarian", "Icelandic", "Indian", "Indonesian", "Iranian", "Iraqi", "Irish", "Israeli",
    "Italian", "Ivorian", "Jamaican", "Japanese", "Jordanian", "Kazakh", "Kenyan", "Korean",
    "Kosovar", "Kurdish", "Kuwaiti", "Latvian", "Lebanese", "Liberian", "Libyan", "Lithuanian",
    "Malaysian", "Malian", "Maltese", "Mexican", "Moldovan", "Mongolian", "Moroccan",
    "Mozambican", "Nepali", "Nicaraguan", "Nigerian", "Nigerien", "Norwegian", "Pakistani",
    "Palestinian", "Panamanian", "Paraguayan", "Peruvian", "Polish", "Portuguese",
    "Qatari", "Romanian", "Russian", "Rwandan", "Salvadoran", "Saudi", "Scottish", "Senegalese",
    "Serbian", "Singaporean", "Slovak", "Slovenian", "Somali", "South African", "Spanish",
    "Sri Lankan", "Sudanese", "Swedish", "Swiss", "Syrian", "Taiwanese", "Tajik", "Tanzanian",
    "Thai", "Tunisian", "Turkish", "Ugandan", "Ukrainian", "Uruguayan", "Uzbek", "Venezuelan",
    "Vietnamese", "Welsh", "Yemeni", "Zambian", "Zimbabwean", "Arab", "Kurd", "Rohingya",
    "Uyghur", "Latino", "African", "Asian",
)  # fmt: skip
# Platforms, apps and companies: each is "the company" once named.
COMPANIES = (
    "Facebook", "Instagram", "WhatsApp", "TikTok", "Telegram", "YouTube", "Twitter", "Snapchat",
    "Reddit", "LinkedIn", "WeChat", "Weibo", "Truth Social", "Google", "Alphabet", "Apple",
    "Microsoft", "Meta", "Amazon", "Tesla", "SpaceX", "Starlink", "OpenAI", "ChatGPT", "Nvidia",
    "Samsung", "Huawei", "ByteDance", "Alibaba", "Tencent", "Netflix", "Uber", "Airbnb", "Boeing",
    "Airbus", "Toyota", "Volkswagen", "Pfizer", "Moderna", "ExxonMobil", "BP", "Gazprom", "Aramco",
    "Pemex", "Walmart", "Mastercard", "PayPal", "Goldman Sachs", "JPMorgan", "BlackRock",
)  # fmt: skip
ORGANIZATIONS = (
    # international bodies
    "United Nations", "UN", "U.N.", "UN Security Council", "Security Council", "NATO",
    "European Union", "EU", "E.U.", "European Commission", "European Parliament",
    "European Central Bank", "ECB", "World Health Organization", "WHO", "UNICEF", "UNHCR",
    "UNRWA", "UNESCO", "World Bank", "International Monetary Fund", "IMF",
    "World Trade Organization", "WTO", "OPEC", "African Union", "Arab League", "ASEAN", "G7",
    "G20", "BRICS", "Red Cross", "International Committee of the Red Cross", "ICRC",
    "Amnesty International", "Human Rights Watch", "Doctors Without Borders", "MSF", "Interpol",
    "International Criminal Court", "ICC", "International Court of Justice", "OECD",
    "Asian Development Bank", "Federal Reserve", "Bank of England", "FBI", "CIA", "NASA",
    "CDC", "FDA", "Kremlin", "Knesset", "Bundestag", "Congress", "Supreme Court",
    # armed groups and parties
    "Hamas", "Hezbollah", "Taliban", "Islamic State", "ISIS", "Houthis", "al-Qaeda",
    "Al-Shabaab", "Wagner", "Wagner Group", "Sinaloa Cartel", "Republican Party",
    "Democratic Party", "Labour Party", "Conservative Party",
    # news organisations
    "Washington Post", "The Washington Post", "Guardian", "The Guardian", "Financial Times",
    "Bloomberg", "CNN", "Fox News", "NBC News", "CBS News",
    "ABC News", "NPR", "MSNBC", "Politico", "Axios", "USA Today", "Los Angeles Times",
    "The Telegraph", "Daily Mail", "Le Monde", "Le Figaro",
    "El País", "El Pais", "El Universal", "Der Spiegel", "Spiegel", "Die Zeit", "Haaretz",
    "Times of Israel", "Al Arabiya", "Xinhua", "TASS", "RIA Novosti", "RT", "Sky News",
    "Deutsche Welle", "DW", "France 24", "Euronews", "Kyodo", "Yonhap", "The Hindu",
    "Times of India", "South China Morning Post", "Bild", "La Jornada", "Milenio", "Clarín",
    "Folha de S.Paulo", "O Globo",
    *COMPANIES,
)  # fmt: skip

_NO_PLURAL_ENDINGS = ("ese", "ss", "sh", "ch", "Swiss", "Rohingya")


def plural(nationality: str) -> str | None:
    """ "Ukrainian" -> "Ukrainians"; None where the plural is the adjective ("Chinese")."""
    if nationality.endswith(_NO_PLURAL_ENDINGS) or " " in nationality:
        return None
    return nationality + "s"


@lru_cache(maxsize=1)
def world_kinds() -> dict[str, str]:
    """Every name of the table -> its kind (person never: the table has no people)."""
    kinds: dict[str, str] = {}
    for name in ORGANIZATIONS:
        kinds.setdefault(name, "organization")
    for name in (*COUNTRIES, *PLACES):
        kinds.setdefault(name, "place")
    for nationality in NATIONALITIES:
        group = plural(nationality)
        if group:
            kinds.setdefault(group, "group")
    return kinds


@lru_cache(maxsize=1)
def nationality_words() -> frozenset[str]:
    """The adjectives of nationality, folded: never a name on their own."""
    return frozenset(n.casefold() for n in NATIONALITIES)
