"""User text is escaped so Streamlit's Markdown shows it literally."""

from assessment.ui.safe import md


def test_markdown_html_latex_and_directives_are_escaped():
    assert md("**bold**") == r"\*\*bold\*\*"
    assert md("$x$") == r"\$x\$"
    assert md("<img src=x onerror=alert(1)>") == r"\<img src=x onerror=alert\(1\)\>"
    assert md(":red[rood]") == r"\:red\[rood\]"


def test_plain_dutch_text_keeps_its_letters():
    assert md("Juf Zoë & meester Ĳsbrand") == r"Juf Zoë \& meester Ĳsbrand"
