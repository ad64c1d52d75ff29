"""How the pipeline's table looks: readable in every theme (see tui/legible) and in ANSI ones."""

TABLE_CSS = """
ApplicationTable {
    /* Not 1fr: a sibling's side margins would narrow it (the filter box has some). */
    width: 100%;
    background: $surface;
    /* Not $foreground: some themes' own text reads under 4.5:1 on their surface. */
    color: auto 90%;
    overflow-x: hidden;
    &:focus {
        background-tint: $foreground 5%;
        /* The theme's text and background swapped: the one pair every theme keeps
           far apart (the block cursor's blue under white text reads at 3.8:1). */
        & > .application-table--cursor {
            background: $foreground;
            color: auto 90%;
            text-style: bold;
        }
    }
    & > .application-table--header {
        text-style: bold;
        background: $panel;
        color: auto 90%;
    }
    &:ansi {
        color: ansi_default;
        &:focus > .application-table--cursor {
            background: ansi_default;
            color: ansi_default;
            text-style: bold reverse;
        }
        & > .application-table--cursor {
            background: ansi_default;
            color: ansi_default;
            text-style: bold underline;
        }
    }
    &:ansi > .application-table--header {
        /* The terminal's own pair, swapped: bright blue under its text may not read. */
        background: ansi_default;
        color: ansi_default;
        text-style: bold reverse;
    }
    & > .application-table--even-row {
        background: $surface-lighten-1 50%;
    }
    &:dark > .application-table--even-row {
        background: $surface-darken-1 40%;
    }
    & > .application-table--cursor {
        background: $panel;
        color: auto 90%;
        text-style: bold;
    }
}
"""
