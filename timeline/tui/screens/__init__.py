"""Modal screens: help and one-line prompts."""

from .help import HelpScreen
from .prompt import PromptScreen

__all__ = ["HelpScreen", "PromptScreen"]
