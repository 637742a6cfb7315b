"""The `coach` command line, one module per command group; the entry point is `server.cli.main:cli`."""
