"""Project-wide pieces below every layer: errors, health, paging, the task ledger."""
