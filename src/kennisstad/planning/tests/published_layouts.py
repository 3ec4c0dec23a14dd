"""What each test document in ``documents/layouts`` prints, written out cell by cell: per
chapter its code, title and programme, its sections (kind, heading, paragraphs, bullets) and
its tables (label, kind, columns as printed, rows with their number, name and cells).

A cell is ``(text as printed, value read)`` with a third item for a footnote mark. The value
reads: ``"1243"`` a number, ``"74.5%"`` a percentage, ``"> 5"`` a comparator and number,
``"65..70%"`` a range, ``"text 8"`` a text with its number (``Top 8``), ``"text"`` a text
without (``NTB``), ``None`` nothing (a dash, a text column).
"""

from pathlib import Path

from kennisstad.planning.tests.published_layouts_groups import EXPECTED_GROUPS
from kennisstad.planning.tests.published_layouts_seen import EXPECTED_SEEN, GIVEN_SEEN, NOTES_SEEN

LAYOUTS = Path(__file__).resolve().parent / "documents" / "layouts"
# The documents that print no title, with the kind and year the user gives.
GIVEN = {
    "02-jaarverslag-2018-untitled.txt": ("jaarstukken", 2018),
    "08-begroting-2019-numbered-untitled.txt": ("begroting", 2019),
    "10-begroting-2020-statutory-page-untitled.txt": ("begroting", 2020),
}
NOTES = {
    "10-begroting-2020-statutory-page-untitled.txt": [
        "Hieronder staan de verplichte beleidsindicatoren zoals waarstaatjegemeente.nl ze "
        "geeft. Waar een cijfer ontbreekt of niet elk jaar wordt gemeten, staat een streepje."
        "\n\n* Eerste half jaar 2018"
    ],
    "02-jaarverslag-2018-untitled.txt": [
        "Met de volgende indicatoren volgen we de voortgang van dit beleidsveld. Waar geen "
        "gegevens zijn, of waar een indicator eens in de twee jaar wordt gemeten, staat een "
        "streepje."
    ],
    "01-begroting-2018-one-cell-per-line.txt": [
        "Voor een aantal indicatoren zijn nog geen gegevens; daar staat een streepje.\n\n"
        "* Voorlopig cijfer, vastgesteld in september 2017."
    ],
    "05-jaarverslag-2017-pdf-spaces.txt": [
        "* Voorlopig cijfer; het definitieve cijfer volgt in het jaarverslag 2018."
    ],
    "08-begroting-2019-numbered-untitled.txt": [
        "a) Bron: Monitor Kennisstad.\n\nb) Gemeten met de ondernemerspeiling, eens per twee jaar."
    ],
}

EXPECTED = {
    "01-begroting-2018-one-cell-per-line.txt": {
        "document": ("begroting", 2018),
        "chapters": [
            {
                "code": "2.1.4",
                "title": "(Inter)nationaal Kennisstad",
                "programme": "Economie en werkgelegenheid",
                "sections": [
                    ("current_state", "Hoe staan we ervoor?", 2, 0),
                    ("aims", "Wat willen we bereiken in 2018?", 1, 0),
                    ("actions", "Wat gaan we hiervoor doen?", 0, 3),
                ],
                "tables": [
                    {
                        "label": "Prestatie-indicatoren",
                        "kind": "performance",
                        "columns": [
                            ("Behaald", 2015, "realisation"),
                            ("Behaald", 2016, "realisation"),
                            ("Begroting", 2017, "target"),
                            ("Beoogd", 2018, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie",
                                [
                                    ("-", None),
                                    ("2", "2"),
                                    ("Beoogd > 2", "> 2"),
                                    ("> 5", "> 5"),
                                ],
                            ),
                            (
                                "",
                                "Aantal internationale afgestudeerden dat in "
                                "de regio blijft werken",
                                [
                                    ("1.180", "1180"),
                                    ("1.243*", "1243", "*"),
                                    ("1.250", "1250"),
                                    ("≥ 1.300", "≥ 1300"),
                                ],
                            ),
                            (
                                "",
                                "Positie op de ranglijst van kennissteden",
                                [
                                    ("Top 10", "text 10"),
                                    ("Top 8", "text 8"),
                                    ("Top 8", "text 8"),
                                    ("Top 5", "text 5"),
                                ],
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    "02-jaarverslag-2018-untitled.txt": {
        "document": ("jaarstukken", 2018),
        "chapters": [
            {
                "code": "2.1.4",
                "title": "(Inter)nationaal Promoten van onze kennissectoren",
                "programme": "",
                "sections": [
                    ("aims", "Wat wilden we bereiken in 2018?", 1, 0),
                    ("actions", "Wat hebben we hiervoor gedaan?", 0, 3),
                ],
                "tables": [
                    {
                        "label": "Prestatie-indicatoren",
                        "kind": "performance",
                        "columns": [
                            ("Behaald", 2017, "realisation"),
                            ("Beoogd", 2018, "target"),
                            ("Behaald", 2018, "realisation"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie",
                                [
                                    ("4", "4"),
                                    ("> 2", "> 2"),
                                    ("6", "6"),
                                ],
                            ),
                            (
                                "",
                                "Aantal profileringsprojecten Groningen kennisstad",
                                [
                                    ("3", "3"),
                                    ("> 2", "> 2"),
                                    ("5", "5"),
                                ],
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    "03-jaarstukken-2017-tab-rows.txt": {
        "document": ("jaarstukken", 2017),
        "chapters": [
            {
                "code": "2.1",
                "title": "Groningen Kennisstad",
                "programme": "",
                "sections": [
                    ("aims", "Wat wilden we bereiken?", 1, 0),
                    ("actions", "Wat hebben we daarvoor gedaan?", 0, 2),
                    ("conclusion", "Conclusie", 1, 0),
                ],
                "tables": [
                    {
                        "label": "Prestatie-indicatoren",
                        "kind": "performance",
                        "columns": [
                            ("Nulmeting", None, "baseline"),
                            ("Doelstelling", 2017, "target"),
                            ("Realisatie", 2017, "realisation"),
                            ("Ambitie", 2018, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aantal bezoekers International Welcome Center North",
                                [
                                    ("1.850", "1850"),
                                    ("2.000", "2000"),
                                    ("2.314", "2314"),
                                    ("2.400", "2400"),
                                ],
                            ),
                            (
                                "",
                                "Aandeel internationale werknemers dat zich welkom voelt",
                                [
                                    ("68%", "68%"),
                                    ("70%", "70%"),
                                    ("74,5%", "74.5%"),
                                    ("75%", "75%"),
                                ],
                            ),
                            (
                                "",
                                "Aantal kennisevenementen met partners",
                                [
                                    ("-", None),
                                    ("10", "10"),
                                    ("12", "12"),
                                    (">10", "> 10"),
                                ],
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    "04-programmabegroting-2019-markdown.md": {
        "document": ("begroting", 2019),
        "chapters": [
            {
                "code": "2.1.4",
                "title": "(Inter)nationaal Kennisstad",
                "programme": "Economie en werkgelegenheid",
                "sections": [
                    ("current_state", "Hoe staan we ervoor?", 1, 0),
                    ("aims", "Wat willen we bereiken?", 1, 0),
                    ("actions", "Wat gaan we hiervoor doen?", 0, 2),
                ],
                "tables": [
                    {
                        "label": "Prestatie-indicatoren",
                        "kind": "performance",
                        "columns": [
                            ("Behaald", 2017, "realisation"),
                            ("Beoogd", 2018, "target"),
                            ("Beoogd", 2019, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie",
                                [
                                    ("4", "4"),
                                    ("> 2", "> 2"),
                                    ("> 5", "> 5"),
                                ],
                            ),
                            (
                                "",
                                "Aantal profileringsprojecten Groningen kennisstad",
                                [
                                    ("3", "3"),
                                    ("> 2", "> 2"),
                                    ("5 tot 7", "5..7"),
                                ],
                            ),
                        ],
                    },
                    {
                        "label": "Effectindicatoren",
                        "kind": "effect",
                        "columns": [
                            ("Nulmeting", None, "baseline"),
                            ("Behaald", 2017, "realisation"),
                            ("Streefwaarde", 2019, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Waardering vestigingsklimaat door internationals (schaal 1-10)",
                                [
                                    ("6,8", "6.8"),
                                    ("7,1", "7.1"),
                                    ("≥ 7,5", "≥ 7.5"),
                                ],
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    "05-jaarverslag-2017-pdf-spaces.txt": {
        "document": ("jaarstukken", 2017),
        "chapters": [
            {
                "code": "2.1.4",
                "title": "(Inter)nationaal Kennisstad",
                "programme": "",
                "sections": [
                    ("aims", "Wat hebben we bereikt?", 1, 0),
                    ("actions", "Wat hebben we daarvoor gedaan?", 0, 2),
                ],
                "tables": [
                    {
                        "label": "Effectindicatoren",
                        "kind": "effect",
                        "columns": [
                            ("Behaald", 2016, "realisation"),
                            ("Behaald", 2017, "realisation"),
                            ("Beoogd", 2017, "target"),
                            ("Bron", None, "text"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aantal studenten hoger onderwijs",
                                [
                                    ("57.520", "57520"),
                                    ("58.210*", "58210", "*"),
                                    ("58.000", "58000"),
                                    ("DUO", None),
                                ],
                            ),
                            (
                                "",
                                "Aandeel afgestudeerden dat in de regio werkt",
                                [
                                    ("*61%", "61%", "*"),
                                    ("63%", "63%"),
                                    ("65%", "65%"),
                                    ("Monitor Kennisstad", None),
                                ],
                            ),
                            (
                                "",
                                "Aantal internationale studenten",
                                [
                                    ("6.512", "6512"),
                                    ("25.942*", "25942", "*"),
                                    ("7.000", "7000"),
                                    ("RUG, Hanzehogeschool", None),
                                ],
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    "06-begroting-2020-whole-document.txt": {
        "document": ("begroting", 2020),
        "chapters": [
            {
                "code": "2.1.4",
                "title": "(Inter)nationaal Kennisstad",
                "programme": "Economie en werkgelegenheid",
                "sections": [
                    ("aims", "Wat willen we bereiken?", 1, 0),
                    ("actions", "Wat gaan we hiervoor doen?", 0, 2),
                ],
                "tables": [
                    {
                        "label": "Prestatie-indicatoren",
                        "kind": "performance",
                        "columns": [
                            ("Behaald", 2018, "realisation"),
                            ("Beoogd", 2019, "target"),
                            ("Beoogd", 2020, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie",
                                [
                                    ("6", "6"),
                                    ("> 5", "> 5"),
                                    ("> 5", "> 5"),
                                ],
                            ),
                            (
                                "",
                                "Aantal profileringsprojecten Groningen kennisstad",
                                [
                                    ("5", "5"),
                                    ("> 5", "> 5"),
                                    ("> 6", "> 6"),
                                ],
                            ),
                        ],
                    },
                    {
                        "label": "Effectindicatoren",
                        "kind": "effect",
                        "columns": [
                            ("Nulmeting", None, "baseline"),
                            ("Laatste meting", None, "realisation"),
                            ("Streefwaarde", 2020, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Tevredenheid internationals over hun verblijf",
                                [
                                    ("68%", "68%"),
                                    ("74%", "74%"),
                                    ("75%", "75%"),
                                ],
                            ),
                        ],
                    },
                    {
                        "label": "Wettelijke indicatoren",
                        "kind": "statutory",
                        "columns": [
                            ("Behaald", 2017, "realisation"),
                            ("Behaald", 2018, "realisation"),
                            ("Bron", None, "text"),
                        ],
                        "rows": [
                            (
                                "",
                                "Functiemenging",
                                [
                                    ("52,1%", "52.1%"),
                                    ("52,6%", "52.6%"),
                                    ("waarstaatjegemeente.nl", None),
                                ],
                            ),
                            (
                                "",
                                "Vestigingen (per 1.000 inwoners van 15-64 jaar)",
                                [
                                    ("129,6", "129.6"),
                                    ("132,4", "132.4"),
                                    ("LISA", None),
                                ],
                            ),
                        ],
                    },
                ],
            },
            {
                "code": "2.1.5",
                "title": "Kennisinfrastructuur",
                "programme": "Economie en werkgelegenheid",
                "sections": [
                    ("aims", "Wat willen we bereiken?", 1, 0),
                ],
                "tables": [
                    {
                        "label": "Prestatie-indicatoren",
                        "kind": "performance",
                        "columns": [
                            ("", 2017, "realisation"),
                            ("", 2018, "realisation"),
                            ("", 2020, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aantal bedrijven op de campussen",
                                [
                                    ("142", "142"),
                                    ("151", "151"),
                                    ("165", "165"),
                                ],
                            ),
                        ],
                    },
                ],
            },
            {
                "code": "3.1",
                "title": "Werk",
                "programme": "Werk en inkomen",
                "sections": [
                    ("aims", "Wat willen we bereiken?", 1, 0),
                    ("actions", "Wat gaan we hiervoor doen?", 0, 1),
                ],
                "tables": [],
            },
        ],
    },
    "07-jaarstukken-2019-without-codes.txt": {
        "document": ("jaarstukken", 2019),
        "chapters": [
            {
                "code": "",
                "title": "Groningen Kennisstad",
                "programme": "",
                "sections": [
                    ("aims", "Wat wilden we bereiken?", 1, 0),
                    ("actions", "Wat hebben we daarvoor gedaan?", 0, 2),
                ],
                "tables": [
                    {
                        "label": "Prestatie-indicatoren",
                        "kind": "performance",
                        "columns": [
                            ("", 2018, "realisation"),
                            ("", 2019, "realisation"),
                            ("Beoogd", 2019, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie",
                                [
                                    ("6", "6"),
                                    ("7", "7"),
                                    ("> 5", "> 5"),
                                ],
                            ),
                            (
                                "",
                                "Aantal profileringsprojecten Groningen kennisstad",
                                [
                                    ("5", "5"),
                                    ("4", "4"),
                                    ("> 5", "> 5"),
                                ],
                            ),
                        ],
                    },
                ],
            },
            {
                "code": "",
                "title": "Werk en participatie",
                "programme": "",
                "sections": [
                    ("conclusion", "Conclusie", 1, 0),
                ],
                "tables": [
                    {
                        "label": "Effectindicatoren",
                        "kind": "effect",
                        "columns": [
                            ("Behaald", 2018, "realisation"),
                            ("Behaald", 2019, "realisation"),
                            ("Doel", 2020, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aandeel inwoners (15-74 jaar) met betaald werk",
                                [
                                    ("65,2%", "65.2%"),
                                    ("66,0%", "66.0%"),
                                    ("67%", "67%"),
                                ],
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    "08-begroting-2019-numbered-untitled.txt": {
        "document": ("begroting", 2019),
        "chapters": [
            {
                "code": "",
                "title": "Groningen Kennisstad",
                "programme": "",
                "sections": [
                    ("aims", "Wat willen we bereiken?", 1, 0),
                    ("actions", "Wat gaan we hiervoor doen?", 0, 2),
                ],
                "tables": [
                    {
                        "label": "",
                        "kind": "performance",
                        "columns": [
                            ("Behaald", 2017, "realisation"),
                            ("Begroting", 2018, "target"),
                            ("Beoogd", 2019, "target"),
                            ("Voetnoot", None, "text"),
                        ],
                        "rows": [
                            (
                                "1",
                                "Aantal samenwerkingsprojecten op gebied van kennis en innovatie",
                                [
                                    ("4", "4"),
                                    ("> 2", "> 2"),
                                    ("> 5", "> 5"),
                                    ("-", None),
                                ],
                            ),
                            (
                                "2",
                                "Aantal studenten dat na het afstuderen in de regio blijft wonen",
                                [
                                    ("1.243", "1243"),
                                    ("1.250", "1250"),
                                    ("1.300", "1300"),
                                    ("a", None),
                                ],
                            ),
                            (
                                "3",
                                "Aantal bedrijven dat het "
                                "(internationale) vestigingsklimaat waardeert",
                                [
                                    ("-", None),
                                    ("NTB", "text"),
                                    ("> 60", "> 60"),
                                    ("b", None),
                                ],
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    "09-begroting-2021-targets.txt": {
        "document": ("begroting", 2021),
        "chapters": [
            {
                "code": "2.1.4",
                "title": "(Inter)nationaal Kennisstad",
                "programme": "",
                "sections": [
                    ("current_state", "Hoe staan we ervoor?", 1, 0),
                    ("aims", "Wat willen we bereiken?", 1, 0),
                    ("actions", "Wat gaan we hiervoor doen?", 0, 2),
                ],
                "tables": [
                    {
                        "label": "Prestatie-indicatoren",
                        "kind": "performance",
                        "columns": [
                            ("Laatste meting", 2019, "realisation"),
                            ("Verwacht", 2020, "forecast"),
                            ("Streefwaarde", 2021, "target"),
                            ("Streefwaarde", 2024, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie",
                                [
                                    ("7", "7"),
                                    (">5", "> 5"),
                                    ("> 5", "> 5"),
                                    (">= 8", "≥ 8"),
                                ],
                            ),
                            (
                                "",
                                "Aandeel internationale studenten dat in de regio blijft",
                                [
                                    ("38%", "38%"),
                                    ("40%", "40%"),
                                    ("65 tot 70 %", "65..70%"),
                                    ("≥ 70%", "≥ 70%"),
                                ],
                            ),
                            (
                                "",
                                "Aantal bezoekers International Welcome Center North",
                                [
                                    ("2.512", "2512"),
                                    ("NTB", "text"),
                                    ("2.400 - 2.600", "2400..2600"),
                                    ("n.v.t.", "text"),
                                ],
                            ),
                            (
                                "",
                                "Wachttijd voor een verblijfsvergunning (dagen)",
                                [
                                    ("21", "21"),
                                    ("<=20", "≤ 20"),
                                    ("< 14", "< 14"),
                                    ("≤ 10", "≤ 10"),
                                ],
                            ),
                            (
                                "",
                                "Positie op de ranglijst van kennissteden",
                                [
                                    ("Top 8", "text 8"),
                                    ("n.v.t.", "text"),
                                    ("Top 5", "text 5"),
                                    ("NTB", "text"),
                                ],
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    "10-begroting-2020-statutory-page-untitled.txt": {
        "document": ("begroting", 2020),
        "chapters": [
            {
                "code": "",
                "title": "Wettelijke beleidsindicatoren",
                "programme": "",
                "sections": [],
                "tables": [
                    {
                        "label": "Wettelijke beleidsindicatoren",
                        "kind": "statutory",
                        "columns": [
                            ("", 2015, "realisation"),
                            ("", 2016, "realisation"),
                            ("", 2017, "realisation"),
                            ("", 2018, "realisation"),
                        ],
                        "rows": [
                            (
                                "",
                                "Banen (aantal per 1.000 inwoners van 15-74 jaar)",
                                [
                                    ("843,8", "843.8"),
                                    ("848,5", "848.5"),
                                    ("855,5", "855.5"),
                                    ("884,1", "884.1"),
                                ],
                            ),
                            (
                                "",
                                "Functiemenging",
                                [
                                    ("56,3%", "56.3%"),
                                    ("56,5%", "56.5%"),
                                    ("*56,4%", "56.4%", "*"),
                                    ("56,9%", "56.9%"),
                                ],
                            ),
                        ],
                    },
                    {
                        "label": "Wettelijke beleidsindicatoren",
                        "kind": "statutory",
                        "columns": [
                            ("", 2016, "realisation"),
                            ("", 2017, "realisation"),
                            ("", 2018, "realisation"),
                        ],
                        "rows": [
                            (
                                "",
                                "Demografische druk",
                                [
                                    ("49,2%", "49.2%"),
                                    ("49,3%", "49.3%"),
                                    ("49,6%", "49.6%"),
                                ],
                            ),
                        ],
                    },
                ],
            },
        ],
    },
}

# The layouts seen on municipalities' sites (documents 11 and later), written out alike.
EXPECTED.update(EXPECTED_SEEN)
EXPECTED.update(EXPECTED_GROUPS)
GIVEN.update(GIVEN_SEEN)
NOTES.update(NOTES_SEEN)
