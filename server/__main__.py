from server.cli import cli

cli()
