"""The demo's ledger: what the financial system of Groningen would export for policy field
2.1.4 (taakvelden 3.4 Economische promotie and 3.1 Economische ontwikkeling), so the begroting
2018 chapter has its Rekening 2016, Begroting 2017 na wijziging, Begroting 2018 and Raming
2019-2021, and the jaarstukken 2018 its primitief, na wijziging and realisatie (the
profiling projects underspent by more than €100,000 and 10%, so the difference needs its
explanation). The file is imported through the import service like any export; a second load
finds the import by the file's checksum and leaves it alone."""

import hashlib
from pathlib import Path

from kennisstad.core.demo import DemoLoad

from .models import LedgerImport, Taakveld
from .reference_data import load_taakvelden
from .services import import_ledger

LEDGER_FILE = Path(__file__).resolve().parent / "demo" / "grootboek-2016-2021.csv"


def load_ledger(demo: DemoLoad) -> None:
    if not Taakveld.objects.exists():  # emptied after migrating (e.g. a test's flush)
        load_taakvelden(Taakveld)
    data = LEDGER_FILE.read_bytes()
    checksum = hashlib.sha256(data).hexdigest()
    if LedgerImport.objects.filter(checksum=checksum).exists():
        demo.tally("ledger imports", created=False)
        return
    import_ledger(data=data, file_name=LEDGER_FILE.name, user=None)
    demo.tally("ledger imports", created=True)
