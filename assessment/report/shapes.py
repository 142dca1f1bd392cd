"""ReportLab shapes with their style keywords checked no less than the rest of a drawing."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Rect


def rect(x: float, y: float, width: float, height: float, **style: Any) -> Rect:
    """A ``Rect`` with style keywords (fillColor, strokeColor, strokeWidth, strokeDashArray).
    The ReportLab stubs type Rect's keywords as ``**kw: _SolidShapeKwArgs``, each keyword a whole
    TypedDict, where ``Unpack`` was meant; passed on through here, every call type-checks."""
    return Rect(x, y, width, height, **style)
