"""CLI commands, one module per area; each registers itself on ``base.cli``."""
