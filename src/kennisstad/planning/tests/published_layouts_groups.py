"""Test documents with rows that group the indicators below them (seen in Ede's begroting: a
row "Bestuur en ondersteuning (p8)" whose value cells are all empty, above the indicators of
that taakveld), written out cell by cell as ``published_layouts`` does; a group row ends in
``"group"``. ``published_layouts`` adds them to ``EXPECTED``.

- 16: a begroting's BBV table in TAB rows with "Eenheid": a group row above its indicators, two
  group rows in a row (a taakveld without indicators), a group row as the table's last row.
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
}
