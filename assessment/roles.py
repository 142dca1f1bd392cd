"""The roles an access code can carry; the store checks them, the command line offers them."""

CODE_ROLES: tuple[str, ...] = ("board", "coordinator", "trainer", "respondent")
