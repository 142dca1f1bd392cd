"""The tables of the research package and their columns: the one description that the export
writes as table schemas and the figures read back. Nothing here names a school, a person, a time
or a text the school typed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Frictionless field type: string, integer, number, boolean
    description: str
    required: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    # (column, table, column of that table): a foreign key the validator checks
    references: tuple[tuple[str, str, str], ...] = ()

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]


SCAN = Column(
    "scan", "string", "Key of the scan in this package: research id and school year.", True
)
COUNT = "How many respondents answered {}; empty when fewer than 5 scored the criterion."

SCANS = Table(
    "scans",
    "One closed yearly scan of a school that opted in, answered by at least 5 colleagues.",
    (
        SCAN,
        Column("research_id", "string", "Random id of the school, stable while it opts in.", True),
        Column(
            "school_type",
            "string",
            "bo, sbo, so or vso; 'overig' where a school type had fewer than 5 schools in the"
            " school year (merged with schools whose type is not set).",
            True,
        ),
        Column("school_year", "string", "School year the scan was opened in (2025-2026).", True),
        Column("respondents", "integer", "Colleagues who answered at least one criterion.", True),
        Column("rubric_version", "string", "Rubric version the scan was answered under.", True),
        Column("school_phase", "string", "Earliest phase any theme works on, or geborgd.", True),
    ),
    ("scan",),
)

CRITERIA = Table(
    "criteria",
    "Per scan and criterion (under today's ids, through the crosswalk): the distribution of the"
    " answers, the agreed value and the phase flags.",
    (
        SCAN,
        Column("criterion", "string", "Criterion id (see the rubric table).", True),
        Column("distribution_published", "boolean", "At least 5 colleagues scored it 0-3.", True),
        Column("scored", "integer", COUNT.format("0-3")),
        *(Column(f"answers_{value}", "integer", COUNT.format(value)) for value in "0123"),
        Column("answers_dk", "integer", COUNT.format("'weet niet' (don't know)")),
        Column("answers_na", "integer", COUNT.format("'n.v.t.' (not applicable)")),
        Column("agreed", "string", "Value the working group agreed (0-3, dk, na), if any."),
        Column(
            "value",
            "number",
            "Item value as scored: the agreed value, else the mean of the answers; empty when"
            " unknown (a hidden distribution counts only through an agreed value).",
        ),
        Column("unknown", "boolean", "No value: 'zoek uit'.", True),
        Column("left_out", "boolean", "Mostly n.v.t. or agreed n.v.t.: not counted.", True),
        Column("blocks", "boolean", "Value below the rubric's item_blocks_below.", True),
        Column(
            "critical_open", "boolean", "A critical criterion unknown or below critical_min.", True
        ),
        Column("working_phase", "boolean", "Its phase is the phase its theme works on.", True),
        Column(
            "holds_open",
            "boolean",
            "In the working phase and unknown, below the phase bar or a critical one not met:"
            " one of the criteria that keep that phase open.",
            True,
        ),
    ),
    ("scan", "criterion"),
    (("scan", "scans", "scan"), ("criterion", "rubric", "criterion")),
)

THEMES = Table(
    "themes",
    "Per scan and theme: readiness, the phase the theme works on and its flags.",
    (
        SCAN,
        Column("theme", "string", "Theme id.", True),
        Column("readiness", "number", "Mean item value / 3 x 100; empty without values."),
        Column("phase", "string", "Phase the theme works on, or geborgd.", True),
        Column("foundation_gap", "boolean", "A later phase already scores well.", True),
        Column("insufficient_information", "boolean", "Too much of the phase is unknown.", True),
    ),
    ("scan", "theme"),
    (("scan", "scans", "scan"),),
)

THEME_PHASES = Table(
    "theme_phases",
    "Per scan, theme and phase: the phase mean and whether it is complete (or provisionally).",
    (
        SCAN,
        Column("theme", "string", "Theme id.", True),
        Column("phase", "string", "Phase id.", True),
        Column("mean", "number", "Mean item value of the phase; empty without values."),
        Column("complete", "boolean", "The phase is complete.", True),
        Column("provisional", "boolean", "Complete while some items are unknown.", True),
    ),
    ("scan", "theme", "phase"),
    (("scan", "scans", "scan"),),
)

RUBRIC = Table(
    "rubric",
    "The criteria of the rubric the scans were scored with.",
    (
        Column("criterion", "string", "Criterion id.", True),
        Column("theme", "string", "Theme id.", True),
        Column("phase", "string", "Phase id.", True),
        Column("critical", "boolean", "A safety or core practice.", True),
        Column("label_nl", "string", "The criterion in Dutch.", True),
        Column("label_en", "string", "The criterion in English.", True),
    ),
    ("criterion",),
)

CROSSWALK = Table(
    "crosswalk",
    "Criterion ids that a rubric version retired, and the id whose answers they now count for.",
    (
        Column("retired_id", "string", "Id in an older rubric version.", True),
        Column("criterion", "string", "Id it counts for in the rubric table.", True),
    ),
    ("retired_id",),
    (("criterion", "rubric", "criterion"),),
)

TABLES: tuple[Table, ...] = (SCANS, CRITERIA, THEMES, THEME_PHASES, RUBRIC, CROSSWALK)
