"""Test documents with rows that group the indicators below them (seen in Ede's begroting: a
row "Bestuur en ondersteuning (p8)" whose value cells are all empty, above the indicators of
that taakveld) or with the names' column after a text column ("Nr | Taakveld | Indicator", as
Buren's and Drimmelen's BBV tables print it), written out cell by cell as ``published_layouts``
does; a group row ends in ``"group"``, ``name_at`` counts the columns printed before the names.
``published_layouts`` adds them to ``EXPECTED``.

- 16: a begroting's BBV table in TAB rows with "Eenheid": a group row above its indicators, two
  group rows in a row (a taakveld without indicators), a group row as the table's last row.
- 17: a begroting's BBV table as a Markdown pipe table "Nr | Taakveld | Indicator | Eenheid |
  Realisatie 2018 | ...": the names read from the "Indicator" column, "Taakveld" a text column.
"""

EMPTY = [("", None)] * 4

EXPECTED_GROUPS = {
    "16-begroting-2021-group-rows.txt": {
        "document": ("begroting", 2021),
        "chapters": [
            {
                "code": "0",
                "title": "Bestuur en ondersteuning",
                "programme": "",
                "sections": [
                    ("aims", "Wat willen we bereiken?", 2, 0),
                    ("actions", "Wat gaan we daarvoor doen?", 0, 2),
                ],
                "tables": [
                    {
                        "label": "Beleidsindicatoren",
                        "kind": "statutory",
                        "columns": [
                            ("Eenheid", None, "text"),
                            ("Realisatie", 2019, "realisation"),
                            ("Begroting", 2020, "target"),
                            ("Begroting", 2021, "target"),
                        ],
                        "rows": [
                            ("", "Bestuur en ondersteuning (p0)", EMPTY, "group"),
                            (
                                "",
                                "Formatie",
                                [
                                    ("Fte per 1.000 inwoners", None),
                                    ("6,8", "6.8"),
                                    ("7,1", "7.1"),
                                    ("7,2", "7.2"),
                                ],
                            ),
                            (
                                "",
                                "Bezetting",
                                [
                                    ("Fte per 1.000 inwoners", None),
                                    ("6,4", "6.4"),
                                    ("6,9", "6.9"),
                                    ("7,0", "7.0"),
                                ],
                            ),
                            (
                                "",
                                "Overhead",
                                [
                                    ("% van totale lasten", None),
                                    ("9,6%", "9.6%"),
                                    ("10,1%", "10.1%"),
                                    ("10,3%", "10.3%"),
                                ],
                            ),
                            ("", "Veiligheid (p1)", EMPTY, "group"),
                            (
                                "",
                                "Verwijzingen Halt",
                                [
                                    ("per 10.000 jongeren", None),
                                    ("112", "112"),
                                    ("-", None),
                                    ("-", None),
                                ],
                            ),
                            (
                                "",
                                "Winkeldiefstallen",
                                [
                                    ("per 1.000 inwoners", None),
                                    ("1,9", "1.9"),
                                    ("-", None),
                                    ("-", None),
                                ],
                            ),
                            ("", "Verkeer en vervoer (p2)", EMPTY, "group"),
                            ("", "Economie (p3)", EMPTY, "group"),
                            (
                                "",
                                "Functiemenging",
                                [("%", None), ("51,2%", "51.2%"), ("-", None), ("-", None)],
                            ),
                            ("", "Sport (p5)", EMPTY, "group"),
                        ],
                    }
                ],
            }
        ],
    },
    "17-begroting-2020-taakveld-before-indicator.txt": {
        "document": ("begroting", 2020),
        "chapters": [
            {
                "code": "2",
                "title": "Verkeer, vervoer en economie",
                "programme": "",
                "sections": [
                    ("aims", "Wat willen we bereiken?", 1, 0),
                    ("actions", "Wat gaan we daarvoor doen?", 0, 2),
                ],
                "tables": [
                    {
                        "label": "Verplichte beleidsindicatoren",
                        "kind": "statutory",
                        "name_at": 1,
                        "columns": [
                            ("Taakveld", None, "text"),
                            ("Eenheid", None, "text"),
                            ("Realisatie", 2018, "realisation"),
                            ("Realisatie", 2019, "realisation"),
                            ("Begroting", 2020, "target"),
                        ],
                        "rows": [
                            (
                                "1",
                                "Ziekenhuisopnames na verkeersongeval met motorvoertuig",
                                [
                                    ("2.1 Verkeer en vervoer", None),
                                    ("%", None),
                                    ("6", "6"),
                                    ("7", "7"),
                                    ("-", None),
                                ],
                            ),
                            (
                                "2",
                                "Ziekenhuisopnames na verkeersongeval met fietser",
                                [
                                    ("2.1 Verkeer en vervoer", None),
                                    ("%", None),
                                    ("9", "9"),
                                    ("10", "10"),
                                    ("-", None),
                                ],
                            ),
                            (
                                "3",
                                "Functiemenging",
                                [
                                    ("3.1 Economische ontwikkeling", None),
                                    ("%", None),
                                    ("47,9", "47.9"),
                                    ("48,3", "48.3"),
                                    ("49", "49"),
                                ],
                            ),
                            (
                                "4",
                                "Vestigingen (van bedrijven)",
                                [
                                    ("3.1 Economische ontwikkeling", None),
                                    ("per 1.000 inwoners 15-64 jaar", None),
                                    ("128,6", "128.6"),
                                    ("131,2", "131.2"),
                                    ("132", "132"),
                                ],
                            ),
                        ],
                    }
                ],
            }
        ],
    },
}
