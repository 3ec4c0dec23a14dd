"""Serve exactly the front-end files we use from node_modules (installed by npm), nothing else:
a package's other files may reference assets it does not ship, which would break
``collectstatic`` with hashed names in production."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage


class VendorFileFinder(BaseFinder):
    """``settings.VENDOR_STATIC_FILES`` maps a static path to a file under node_modules."""

    def __init__(self, *args, **kwargs):
        self.files: dict[str, Path] = {
            static_path: Path(source)
            for static_path, source in settings.VENDOR_STATIC_FILES.items()
        }

    def check(self, **kwargs):
        return [
            Error(
                f"{source} is missing",
                hint="Run `make setup` (npm ci) to install the front-end packages.",
                id="kennisstad.E001",
            )
            for source in self.files.values()
            if not source.is_file()
        ]

    def find(self, path, find_all=False, **kwargs):
        source = self.files.get(path)
        if source is None or not source.is_file():
            return [] if find_all else None
        return [str(source)] if find_all else str(source)

    def list(self, ignore_patterns):
        for static_path, source in self.files.items():
            if source.is_file():
                storage = FileSystemStorage(location=str(source.parent))
                storage.prefix = str(Path(static_path).parent)
                yield source.name, storage
