"""Policy areas and P&C documents: the municipality's programme structure (programma,
deelprogramma, beleidsveld) and its planning & control documents. Both the indicators and the
begroting chapters refer to them, so they sit below both and import neither; later the P&C
calendar and the money per policy field will live here as well."""
