"""The subcommands of `timeline`, one module each; `timeline.cli` is the group that holds them."""
