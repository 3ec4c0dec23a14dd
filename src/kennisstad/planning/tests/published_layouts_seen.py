"""Test documents written in layouts seen on municipalities' published P&C sites (the prose our
own, the numbers made up but real-looking), written out cell by cell as
``published_layouts`` does for the first ten; ``published_layouts`` adds them to ``EXPECTED``.

- 11: a programme page saved from a begroting site (seen at teylingen.begroting-2020.nl):
  navigation, cookie banner and footer, a "Terug naar navigatie" link and the build line, sections
  folded in accordion panels, a BBV table with "Eenheid", a colspan header ("Realisatie" over
  2017 and 2018), a "Nederland" column, euro amounts and a text across four cells; "Programma 5
  ..." as the chapter's heading.
- 12: a jaarrekening page printed one cell per line (seen at jaarrekening2018.etten-leur):
  years before the header word ("2018 Begroting"), "Gemeenten" and "Nederland" comparison
  columns, a legend and "1. Bron:" under the table.
- 13: a begroting chapter as the PDF's text gives it (Groningen's begroting 2018 layout): the
  running header "Begroting 2018  Gemeente Groningen", the years on a second header line,
  names broken over two lines, the chapter's heading repeated at the top of the next page
  between two rows, "Streef-" / "waarde 2019" broken over two lines, "(%)" after a header.
- 14: a jaarverslag of programmes numbered "1. Veiligheid" and a chapter "3 Economie" (as
  eindhoven.begroting-2018.nl and horstaandemaas print them), "Eenheid", "Peildatum",
  "Periode", "Gemeente | Nederland", "in %" and "(%)" after headers, "Omschrijving
  indicator/ kengetal", texts in value cells ("nog niet gemeten").
- 15: a begroting page with a goal's heading and its effect table printed one cell per line
  (seen at zaanstad.begroting-2018.nl): "Streef-" / "waarde", "Effectindicator" as the names'
  header, the sentence leading to the prestaties directly under the table.
"""

NOTES_SEEN = {
    "11-begroting-2020-programme-page.html": [
        "* Fte: voltijdbanen. Cijfers van waarstaatjegemeente.nl, stand 1 augustus 2019."
    ],
    "12-jaarrekening-2018-effects-compared.txt": [
        "Gemeenten = gemeenten met 25.000 tot 50.000 inwoners.\n\n1. Bron: waarstaatjegemeente.nl"
    ],
    "13-begroting-2018-pdf-page-break.txt": ["* Voorlopig cijfer, vastgesteld in september 2017."],
}
EXPECTED_SEEN = {
    "11-begroting-2020-programme-page.html": {
        "document": ("begroting", 2020),
        "chapters": [
            {
                "code": "5",
                "title": "Bestuur en dienstverlening",
                "programme": "",
                "sections": [
                    ("aims", "Wat willen we bereiken?", 1, 0),
                    ("actions", "Wat gaan we daarvoor doen?", 1, 3),
                    ("other", "Wat mag het kosten?", 1, 0),
                ],
                "tables": [
                    {
                        "label": "Beleidsindicatoren",
                        "kind": "statutory",
                        "columns": [
                            ("Eenheid", None, "text"),
                            ("Realisatie", 2017, "realisation"),
                            ("Realisatie", 2018, "realisation"),
                            ("Begroting", 2019, "target"),
                            ("Begroting", 2020, "target"),
                            ("Nederland", None, "comparison"),
                            ("Bron", None, "text"),
                        ],
                        "rows": [
                            (
                                "",
                                "Formatie",
                                [
                                    ("Fte per 1.000 inwoners", None),
                                    ("Zie begroting GR Dienstenbundel", None),
                                    ("", None),
                                    ("", None),
                                    ("", None),
                                    ("-", None),
                                    ("Eigen gegevens", None),
                                ],
                            ),
                            (
                                "",
                                "Apparaatskosten",
                                [
                                    ("Kosten per inwoner", None),
                                    ("€ 612", "612"),
                                    ("€ 598", "598"),
                                    ("€ 605", "605"),
                                    ("€ 610", "610"),
                                    ("2019: € 704", None),
                                    ("Eigen begroting", None),
                                ],
                            ),
                            (
                                "",
                                "Overhead",
                                [
                                    ("% van totale lasten", None),
                                    ("8,6%", "8.6%"),
                                    ("8,9%", "8.9%"),
                                    ("9,1%", "9.1%"),
                                    ("9,0%", "9.0%"),
                                    ("n.b.", None),
                                    ("Eigen begroting", None),
                                ],
                            ),
                        ],
                    },
                    {
                        "label": "Prestatie-indicatoren",
                        "kind": "performance",
                        "columns": [
                            ("Eenheid", None, "text"),
                            ("Realisatie", 2017, "realisation"),
                            ("Realisatie", 2018, "realisation"),
                            ("Begroting", 2019, "target"),
                            ("Begroting", 2020, "target"),
                            ("Bron", None, "text"),
                        ],
                        "rows": [
                            (
                                "",
                                "Gemiddeld rapportcijfer voor een bezoek aan de balie",
                                [
                                    ("Tussen 1 en 10", None),
                                    ("8,1", "8.1"),
                                    ("8,4", "8.4"),
                                    ("8", "8"),
                                    ("8", "8"),
                                    ("Klantpeiling", None),
                                ],
                            ),
                            (
                                "",
                                "Aandeel aanvragen dat digitaal binnenkomt",
                                [
                                    ("In %", None),
                                    ("54%", "54%"),
                                    ("61%", "61%"),
                                    ("≥ 60%", "≥ 60%"),
                                    ("≥ 70%", "≥ 70%"),
                                    ("Zaaksysteem", None),
                                ],
                            ),
                            (
                                "",
                                "Aantal spreekuren in de dorpskernen",
                                [
                                    ("Aantal", None),
                                    ("nb", "text"),
                                    ("18", "18"),
                                    ("20", "20"),
                                    ("24", "24"),
                                    ("Eigen registratie", None),
                                ],
                            ),
                        ],
                    },
                ],
            }
        ],
    },
    "12-jaarrekening-2018-effects-compared.txt": {
        "document": ("jaarstukken", 2018),
        "chapters": [
            {
                "code": "",
                "title": "Leven",
                "programme": "",
                "sections": [
                    ("aims", "Welke effecten wilden we bereiken?", 2, 0),
                    ("actions", "Wat hebben we daarvoor gedaan?", 0, 3),
                ],
                "tables": [
                    {
                        "label": "Effect-indicator",
                        "kind": "effect",
                        "columns": [
                            ("", 2017, "realisation"),
                            ("Gemeenten", 2017, "comparison"),
                            ("Nederland", 2017, "comparison"),
                            ("Begroting", 2018, "target"),
                            ("", 2018, "realisation"),
                            ("Gemeenten", 2018, "comparison"),
                            ("Nederland", 2018, "comparison"),
                        ],
                        "rows": [
                            (
                                "",
                                "Percentage inwoners dat (zeer) tevreden is over het aanbod van "
                                "zorgvoorzieningen.1",
                                [
                                    ("91", "91"),
                                    ("84", None),
                                    ("83", None),
                                    ("88", "88"),
                                    ("90", "90"),
                                    ("83", None),
                                    ("82", None),
                                ],
                            ),
                            (
                                "",
                                "Percentage inwoners dat (zeer) tevreden is over het aanbod van "
                                "sportvoorzieningen.1",
                                [
                                    ("85", "85"),
                                    ("75", None),
                                    ("74", None),
                                    ("80", "80"),
                                    ("84", "84"),
                                    ("75", None),
                                    ("74", None),
                                ],
                            ),
                            (
                                "",
                                "Waardering van de ondersteuning door inwoners met een beperking "
                                "(rapportcijfer)",
                                [
                                    ("6,7", "6.7"),
                                    ("6,6", None),
                                    ("6,6", None),
                                    ("≥ 7", "≥ 7"),
                                    ("6,9", "6.9"),
                                    ("6,6", None),
                                    ("6,5", None),
                                ],
                            ),
                            (
                                "",
                                "BBV Personen met een bijstandsuitkering (aantal per 1.000 "
                                "inwoners)1",
                                [
                                    ("28,4", "28.4"),
                                    ("27,2", None),
                                    ("41,9", None),
                                    ("-", None),
                                    ("27,6", "27.6"),
                                    ("26,0", None),
                                    ("40,1", None),
                                ],
                            ),
                            (
                                "",
                                "BBV Netto arbeidsparticipatie (percentage van de "
                                "beroepsbevolking)1",
                                [
                                    ("67,5", "67.5"),
                                    ("67,3", None),
                                    ("66,6", None),
                                    ("-", None),
                                    ("68,2", "68.2"),
                                    ("68,1", None),
                                    ("67,8", None),
                                ],
                            ),
                        ],
                    }
                ],
            }
        ],
    },
    "13-begroting-2018-pdf-page-break.txt": {
        "document": ("begroting", 2018),
        "chapters": [
            {
                "code": "2.1.4",
                "title": "(Inter)nationaal Kennisstad",
                "programme": "Economie en werkgelegenheid",
                "sections": [
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
                            ("Beoogd", 2018, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aantal samenwerkingsprojecten op het gebied van kennis en "
                                "innovatie",
                                [("-", None), ("2", "2"), ("> 5", "> 5")],
                            ),
                            (
                                "",
                                "Aantal internationale afgestudeerden dat in de regio blijft "
                                "werken",
                                [("1.180", "1180"), ("1.243*", "1243", "*"), ("> 1.300", "> 1300")],
                            ),
                            (
                                "",
                                "Positie op de ranglijst van kennissteden",
                                [("Top 10", "text 10"), ("Top 8", "text 8"), ("Top 5", "text 5")],
                            ),
                            (
                                "",
                                "Aantal bezoekers van het welkomstloket voor internationals",
                                [("1.850", "1850"), ("2.314", "2314"), ("2.400", "2400")],
                            ),
                            (
                                "",
                                "Aantal kennisevenementen met partners",
                                [("8", "8"), ("12", "12"), ("> 10", "> 10")],
                            ),
                        ],
                    },
                    {
                        "label": "Effectindicatoren",
                        "kind": "effect",
                        "columns": [
                            ("Nulmeting", 2014, "baseline"),
                            ("Realisatie", 2016, "realisation", "(%)"),
                            ("Streef-waarde", 2019, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aandeel afgestudeerden dat in de regio gaat werken",
                                [("58", "58"), ("61", "61"), ("65", "65")],
                            ),
                            (
                                "",
                                "Aandeel internationale werknemers dat zich welkom voelt",
                                [("66", "66"), ("71", "71"), ("75", "75")],
                            ),
                        ],
                    },
                ],
            }
        ],
    },
    "14-jaarverslag-2019-programmes-numbered.txt": {
        "document": ("jaarstukken", 2019),
        "chapters": [
            {
                "code": "1.1",
                "title": "Crisisbeheersing en brandweer",
                "programme": "Veiligheid",
                "sections": [
                    ("aims", "Wat wilden we bereiken?", 1, 0),
                    ("actions", "Wat hebben we daarvoor gedaan?", 0, 2),
                ],
                "tables": [
                    {
                        "label": "Effectindicatoren",
                        "kind": "effect",
                        "columns": [
                            ("Eenheid", None, "text"),
                            ("Peildatum", None, "text"),
                            ("Realisatie", 2018, "realisation"),
                            ("Doel", 2019, "target", "in %"),
                            ("Realisatie", 2019, "realisation", "(%)"),
                            ("Bron", None, "text"),
                        ],
                        "rows": [
                            (
                                "",
                                "Uitrukken binnen de normtijd",
                                [
                                    ("% van de uitrukken", None),
                                    ("31-12-2019", None),
                                    ("84", "84"),
                                    ("≥ 90", "≥ 90"),
                                    ("87", "87"),
                                    ("Veiligheidsregio", None),
                                ],
                            ),
                            (
                                "",
                                "Huishoudens met een werkende rookmelder",
                                [
                                    ("% van de huishoudens", None),
                                    ("1-10-2019", None),
                                    ("nog niet gemeten", None),
                                    ("80", "80"),
                                    ("76", "76"),
                                    ("Veiligheidsmonitor", None),
                                ],
                            ),
                        ],
                    }
                ],
            },
            {
                "code": "1.2",
                "title": "Openbare orde en veiligheid",
                "programme": "Veiligheid",
                "sections": [
                    ("aims", "Wat wilden we bereiken?", 1, 0),
                    ("conclusion", "Conclusie", 1, 0),
                ],
                "tables": [
                    {
                        "label": "Wettelijke indicatoren",
                        "kind": "statutory",
                        "columns": [
                            ("Eenheid", None, "text"),
                            ("Periode", None, "text"),
                            ("Gemeente", None, "realisation"),
                            ("Nederland", None, "comparison"),
                            ("Bron", None, "text"),
                        ],
                        "rows": [
                            (
                                "1",
                                "Verwijzingen Halt",
                                [
                                    ("per 10.000 jongeren", None),
                                    ("2018", None),
                                    ("96", "96"),
                                    ("119", None),
                                    ("Bureau Halt", None),
                                ],
                            ),
                            (
                                "2",
                                "Winkeldiefstallen",
                                [
                                    ("per 1.000 inwoners", None),
                                    ("2019", None),
                                    ("1,9", "1.9"),
                                    ("2,2", None),
                                    ("CBS", None),
                                ],
                            ),
                            (
                                "3",
                                "Diefstallen uit woning",
                                [
                                    ("per 1.000 inwoners", None),
                                    ("2019", None),
                                    ("2,1", "2.1"),
                                    ("2,5", None),
                                    ("CBS", None),
                                ],
                            ),
                        ],
                    }
                ],
            },
            {
                "code": "3",
                "title": "Economie",
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
                            ("Realisatie", 2018, "realisation"),
                            ("Doel", 2019, "target"),
                            ("Realisatie", 2019, "realisation"),
                            ("Landelijk gemiddelde", 2019, "comparison"),
                        ],
                        "rows": [
                            (
                                "",
                                "Vestigingen van bedrijven per 1.000 inwoners van 15 tot 65 jaar",
                                [
                                    ("128,4", "128.4"),
                                    ("130", "130"),
                                    ("131,2", "131.2"),
                                    ("151,7", None),
                                ],
                            ),
                            (
                                "",
                                "Bezoekers van de weekmarkt per week",
                                [
                                    ("€ 4.100", "4100"),
                                    ("4.000", "4000"),
                                    ("Zie monitor binnenstad", None),
                                    ("-", None),
                                ],
                            ),
                            (
                                "",
                                "Functiemenging",
                                [
                                    ("51%", "51%"),
                                    ("52%", "52%"),
                                    ("51,6%", "51.6%"),
                                    ("53,1%", None),
                                ],
                            ),
                        ],
                    }
                ],
            },
        ],
    },
    "15-begroting-2018-goal-per-heading-untitled.txt": {
        "document": ("begroting", 2018),
        "chapters": [
            {
                "code": "",
                "title": "Burger en bestuur",
                "programme": "",
                "sections": [],
                "tables": [
                    {
                        "label": "Effectindicator",
                        "kind": "effect",
                        "columns": [
                            ("Nulmeting", None, "baseline"),
                            ("Realisatie", 2016, "realisation"),
                            ("Begroting", 2017, "target"),
                            ("Begroting", 2018, "target"),
                            ("Streef-waarde", None, "target"),
                            ("Bron", None, "text"),
                        ],
                        "rows": [
                            (
                                "",
                                "Percentage inwoners dat zich medeverantwoordelijk voelt voor de "
                                "eigen buurt",
                                [
                                    ("83%", "83%"),
                                    ("80%", "80%"),
                                    ("80%", "80%"),
                                    ("80%", "80%"),
                                    ("83%", "83%"),
                                    ("Stadspeiling", None),
                                ],
                            )
                        ],
                    }
                ],
            },
            {
                "code": "1.1",
                "title": "Samen de stad in evenwicht brengen",
                "programme": "",
                "sections": [("actions", "Wat gaan we daarvoor doen?", 0, 2)],
                "tables": [
                    {
                        "label": "Prestatie-indicator",
                        "kind": "performance",
                        "columns": [
                            ("Realisatie", 2016, "realisation"),
                            ("Begroting", 2017, "target"),
                            ("Begroting", 2018, "target"),
                        ],
                        "rows": [
                            (
                                "",
                                "Aantal bewonersinitiatieven dat een bijdrage uit het wijkbudget "
                                "kreeg",
                                [("112", "112"), ("> 100", "> 100"), ("> 120", "> 120")],
                            ),
                            (
                                "",
                                "Aantal wijkgesprekken over de toekomstvisie",
                                [("-", None), ("12", "12"), ("16", "16")],
                            ),
                        ],
                    }
                ],
            },
        ],
    },
}

GIVEN_SEEN = {"15-begroting-2018-goal-per-heading-untitled.txt": ("begroting", 2018)}
