"""The colours of the themes in the trend charts, on screen and on paper."""

# Okabe–Ito colours, told apart by colour-blind readers; markers and dashes tell them apart in grey.
THEME_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#E69F00", "#56B4E9")
