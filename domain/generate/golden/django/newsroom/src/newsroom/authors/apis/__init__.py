"""HTTP interface: one module of DRF APIViews per drawn router; thin, calling services."""
