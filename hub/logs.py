"""structlog set-up: JSON lines when stderr is not a terminal, pretty lines when it is.

Request and call ids travel in contextvars (structlog.contextvars.bind_contextvars), so
every line logged while handling a request or call carries them.
"""
from __future__ import annotations

import logging
import sys

import structlog


def configure(level: str = "info") -> None:
    renderer = (structlog.dev.ConsoleRenderer() if sys.stderr.isatty()
                else structlog.processors.JSONRenderer())
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )


def truncate(payload: bytes, limit: int = 200) -> str:
    """A payload for a log line: decoded leniently and cut, so bad input stays readable."""
    text = payload[:limit].decode("utf-8", errors="replace")
    return text + ("…" if len(payload) > limit else "")
