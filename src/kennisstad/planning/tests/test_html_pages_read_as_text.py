"""A page saved from a municipality's P&C site is read as the text its visitor reads: headings,
paragraphs and list items on lines of their own, each table row on one line with its cells
joined by a TAB (a colspan or rowspan keeps the later cells in their columns), entities decoded,
the site's scripts, navigation, banner, footer and hidden elements left out."""

from kennisstad.planning.document_formats import document_text

PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Begroting 2018 | Gemeente Groningen</title>
<style>td { padding: 2px }</style><script>window.menu = "Programma's";</script></head>
<body>
<header><a class="skip" href="#main">Naar de inhoud</a><nav><ul><li><a href="/">Home</a>
<li><a href="/p2">Programma 2</a></ul></nav></header>
<main id="main"><article>
<header><h1>2.1.4 (Inter)nationaal promoten van onze kennissectoren</h1></header>
<p>Met onze kennisinstellingen bouwen we&nbsp;Groningen verder<br>als economische regio.
<p>Het doel is &ge; 5 projecten &amp; meer.</p>
<div hidden>Verborgen tekst</div><p style="display: none">Ook verborgen</p>
<span aria-hidden="true">Pictogram</span>
<h2>Prestatie-indicatoren</h2>
<table class="indicatoren">
<thead><tr><th></th><th>Behaald<br>2016</th><th>Begroting 2017</th><th>Beoogd
   2018</th></tr></thead>
<tbody>
<tr><td>Aantal samenwerkingsprojecten op gebied van Kennis/innovatie<td>2<td>&gt; 2<td>&gt; 5
<tr><td>Aantal profileringsprojecten<sup>*</sup></td><td colspan="2">n.v.t.</td>
<td>&ge;&nbsp;5</td></tr>
<tr><td></td><td></td><td></td><td></td></tr>
</tbody></table>
<h2>Wat gaan we hiervoor doen?</h2>
<ul><li>Samenwerkingsprojecten ontwikkelen;<li>Profileringsprojecten uitdragen
<ul><li>met onze partners</ul></li></ul>
</article></main>
<footer><p>Gemeente Groningen, Postbus 20001</p></footer>
<aside>Zie ook: programma 3</aside>
</body></html>
"""


def read(page: str, encoding: str = "utf-8") -> str:
    return document_text(page.encode(encoding), "pagina.html")


def test_a_page_reads_as_its_visitor_reads_it():
    assert read(PAGE) == "\n".join(
        [
            "2.1.4 (Inter)nationaal promoten van onze kennissectoren",
            "",
            "Met onze kennisinstellingen bouwen we Groningen verder",
            "als economische regio.",
            "",
            "Het doel is ≥ 5 projecten & meer.",
            "",
            "Prestatie-indicatoren",
            "",
            "\tBehaald 2016\tBegroting 2017\tBeoogd 2018",
            "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie\t2\t> 2\t> 5",
            "Aantal profileringsprojecten*\tn.v.t.\t\t≥ 5",
            "",
            "Wat gaan we hiervoor doen?",
            "",
            "- Samenwerkingsprojecten ontwikkelen;",
            "- Profileringsprojecten uitdragen",
            "- met onze partners",
        ]
    )


def test_a_header_hyphenated_over_a_break_is_kept_whole():
    page = "<table><tr><th>Nulmeting</th><th>Realisatie<br>2016</th><th>Streef-<br>waarde</th>"
    page += "<th>Prestatie-\nindicator</th></tr></table>"
    assert read(page) == "Nulmeting\tRealisatie 2016\tStreef-waarde\tPrestatie- indicator"


def test_rowspan_keeps_the_cells_below_in_their_columns():
    page = """<table>
    <tr><th rowspan="2">Indicator</th><th colspan="2">Behaald</th><th rowspan="2">Bron</th></tr>
    <tr><th>2016</th><th>2017</th></tr>
    <tr><td>Bezoekers</td><td>1.200</td><td>1.350</td><td>Eigen telling</td></tr>
    </table>"""
    assert read(page).split("\n") == [
        "Indicator\tBehaald\t\tBron",
        "\t2016\t2017\t",
        "Bezoekers\t1.200\t1.350\tEigen telling",
    ]


def test_a_layout_table_is_read_as_the_blocks_and_tables_it_holds():
    page = """<table class="layout"><tr><td><h1>2.1 Groningen Kennisstad</h1>
    <p>Inleiding.</p>
    <table><tr><td>Bezoekers</td><td>1.200</td></tr></table>
    </td><td><p>Rechterkolom</p></td></tr></table>"""
    assert read(page) == (
        "2.1 Groningen Kennisstad\n\nInleiding.\n\nBezoekers\t1.200\n\nRechterkolom"
    )


def test_the_charset_comes_from_the_page_else_utf_8_else_windows_1252():
    declared = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    body = "<p>Beoogd – € 5 miljoen, georiënteerd</p>"
    expected = "Beoogd – € 5 miljoen, georiënteerd"
    assert read(declared + body, "cp1252") == expected  # ISO-8859-1 is read as browsers do
    assert read(body, "cp1252") == expected  # no charset, not UTF-8
    assert read(body, "utf-8") == expected
    assert document_text(b"\xef\xbb\xbf" + body.encode(), "pagina.htm") == expected


def test_a_line_break_in_the_source_is_a_space_and_a_br_a_line_break():
    page = "<p>Met onze kennisinstellingen\n   bouwen we\r\nGroningen verder.<br/>Tweede regel</p>"
    assert read(page) == "Met onze kennisinstellingen bouwen we Groningen verder.\nTweede regel"


def test_unclosed_paragraphs_and_cells_end_where_the_next_begins():
    page = "<p>Een<p>Twee<div>Drie</div><table><tr><td>a<td>b<tr><td>c<td>d</table>"
    assert read(page) == "Een\n\nTwee\n\nDrie\n\na\tb\nc\td"


def test_folded_panels_are_read_and_a_hidden_banner_is_not():
    page = """<div class="cookie-melding" hidden><h2>Cookies</h2><p>Wij gebruiken cookies.</p>
    <button>Akkoord</button></div><button type="button">Afdrukken</button>
    <button aria-expanded="false">Wat gaan we hiervoor doen?</button>
    <div class="accordion-body" style="display:none"><p>Projecten ontwikkelen.</p></div>
    <div role="tabpanel" hidden><p>Tweede tab.</p></div>
    <div style="display: none"><table><tr><td>Bezoekers</td><td>1.200</td></tr></table></div>"""
    assert read(page).split("\n\n") == [
        "Wat gaan we hiervoor doen?",  # the button that unfolds the panel
        "Projecten ontwikkelen.",
        "Tweede tab.",
        "Bezoekers\t1.200",
    ]


def test_a_raised_footnote_number_stays_apart_from_the_value():
    page = "<table><tr><td>Bezoekers<sup>2</sup></td><td>25.942<sup>1</sup></td>"
    page += "<td>120 m<sup>2</sup></td><td>CO<sub>2</sub></td></tr></table>"
    assert read(page) == "Bezoekers²\t25.942¹\t120 m²\tCO₂"


def test_a_table_drawn_with_divs_and_roles_is_read_as_a_table():
    page = """<div role="table" class="indicatoren"><div class="kop"><div role="rowgroup">
    <div role="row"><div role="columnheader"></div><div role="columnheader">Realisatie 2016</div>
    <div role="columnheader">Begroting 2018</div></div></div></div>
    <div role="rowgroup"><div role="row"><div role="rowheader">Bezoekers <div>(aantal)</div></div>
    <div role="cell">1.200</div><div role="cell">&gt; 1.500</div></div></div></div>
    <p>Daarna</p>"""
    assert read(page).split("\n") == [
        "\tRealisatie 2016\tBegroting 2018",
        "Bezoekers (aantal)\t1.200\t> 1.500",
        "",
        "Daarna",
    ]
