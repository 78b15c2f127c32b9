package com.partnersportal.kit.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanTextTest {

    @Test
    void ordinaryTextInEveryScriptIsClean() {
        assertThat(CleanText.isClean("Desk lamp, 2 × 150.00")).isTrue();
        assertThat(CleanText.isClean("شركة الاختبار \u200F(الرياض)")).isTrue();
        assertThat(CleanText.isClean("line one\nline two\ttabbed\r\n")).isTrue();
        assertThat(CleanText.isClean("emoji 😀 outside the basic plane")).isTrue();
    }

    @Test
    void controlCharactersLoneSurrogatesNoncharactersAndBidiOverridesAreRefused() {
        assertThat(CleanText.firstRefused("ab\u0000c")).isEqualTo(2);
        assertThat(CleanText.firstRefused("bell\u0007")).isEqualTo(4);
        assertThat(CleanText.firstRefused("x\uD800")).isEqualTo(1);
        assertThat(CleanText.firstRefused("\uDC00x")).isZero();
        assertThat(CleanText.firstRefused("a\uFFFE")).isEqualTo(1);
        assertThat(CleanText.firstRefused("\uFDD0")).isZero();
        assertThat(CleanText.firstRefused(new StringBuilder().append("p").appendCodePoint(0x1FFFF))).isEqualTo(1);
        assertThat(CleanText.firstRefused("\u202Egnp.exe")).isZero();
        assertThat(CleanText.firstRefused("ok \u2067isolated\u2069")).isEqualTo(3);
    }
}
