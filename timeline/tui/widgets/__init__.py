"""The app's widgets, each in its own module."""

from .company_panel import CompanyList, CompanyPanel
from .density_strip import DensityStrip
from .event_detail import EventDetail, describe_event
from .status_line import StatusLine
from .timeline_list import TimelineList

__all__ = [
    "CompanyList", "CompanyPanel", "DensityStrip", "EventDetail", "StatusLine", "TimelineList", "describe_event",
]  # fmt: skip
