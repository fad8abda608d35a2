"""Modal screens: help, one-line prompts and the article pager."""

from .article import ArticleScreen
from .help import HelpScreen
from .prompt import PromptScreen

__all__ = ["ArticleScreen", "HelpScreen", "PromptScreen"]
