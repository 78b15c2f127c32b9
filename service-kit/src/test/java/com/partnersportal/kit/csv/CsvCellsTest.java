package com.partnersportal.kit.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"})
    void aCellASpreadsheetWouldEvaluateIsShownAsText(String hostile) {
        assertThat(CsvCells.safe(hostile)).isEqualTo("'" + hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REF-1001", "ORD 100234", "noura@merchant.example", "1=1", " =x", "'=x"})
    void anyOtherCellIsLeftAsItIs(String plain) {
        assertThat(CsvCells.safe(plain)).isEqualTo(plain);
    }

    @Test
    void nullAndEmptyCellsStayAsTheyAre() {
        assertThat(CsvCells.safe(null)).isNull();
        assertThat(CsvCells.safe("")).isEmpty();
    }

    @Test
    void theSqlGuardTakesOnlyAColumnName() {
        assertThat(CsvCells.sqlGuard("o.order_reference_id"))
                .isEqualTo("CASE WHEN left(o.order_reference_id, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r')"
                        + " THEN '''' || o.order_reference_id ELSE o.order_reference_id END");
        assertThatThrownBy(() -> CsvCells.sqlGuard("x); DROP TABLE orders; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
