package com.partnersportal.kit.csv;

/**
 * The one guard against CSV (formula) injection for every file a merchant downloads: a cell that starts with
 * {@code = + - @}, a tab or a carriage return is prefixed with {@code '}, so a spreadsheet shows it as text instead
 * of evaluating it. {@link #sqlGuard} is the same rule in PostgreSQL, for files written by {@code COPY ... TO STDOUT}.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The cell as a spreadsheet may open it safely; {@code null} and empty cells as they are. */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /**
     * {@link #safe} as a PostgreSQL expression over a text {@code column} (a trusted identifier, never user input):
     * {@code NULL} and {@code ''} stay as they are.
     */
    public static String sqlGuard(String column) {
        if (!column.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
        return "CASE WHEN left(%1$s, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || %1$s ELSE %1$s END"
                .formatted(column);
    }
}
