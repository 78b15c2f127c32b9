package com.partnersportal.settlement.invoice;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.util.regex.Pattern;

/**
 * Arabic as a PDF content stream needs it: PDFBox draws glyphs left to right as given and neither joins Arabic
 * letters nor reorders right-to-left text, so ICU4J shapes the letters into their contextual presentation forms and
 * the Unicode bidirectional algorithm puts the text in visual order (numbers and Latin runs stay left to right).
 */
final class ArabicText {

    private static final ArabicShaping SHAPING = new ArabicShaping(
            ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK);

    /**
     * Dates, times and amounts ({@code 2026-11}, {@code 12:30}) stay left to right as written: without an isolate
     * the bidirectional algorithm reads the digits after Arabic letters as Arabic numbers and the hyphen as a
     * separator between two runs, and shows {@code 11-2026}.
     */
    private static final Pattern NUMBERS = Pattern.compile("\\d[\\d\\-:/.,]*\\d");

    private ArabicText() {
    }

    static boolean isArabic(int codePoint) {
        return (codePoint >= 0x0600 && codePoint <= 0x06FF) || (codePoint >= 0x0750 && codePoint <= 0x077F)
                || (codePoint >= 0xFB50 && codePoint <= 0xFDFF) || (codePoint >= 0xFE70 && codePoint <= 0xFEFF);
    }

    static boolean containsArabic(String text) {
        return text != null && text.codePoints().anyMatch(ArabicText::isArabic);
    }

    /** The text in visual (left-to-right drawing) order, Arabic letters shaped; a right-to-left paragraph. */
    static String visual(String logical) {
        if (!containsArabic(logical)) {
            return logical;
        }
        try {
            String shaped = SHAPING.shape(NUMBERS.matcher(logical).replaceAll("\u2066$0\u2069"));
            Bidi bidi = new Bidi();
            bidi.setPara(shaped, Bidi.RTL, null);
            return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
        } catch (ArabicShapingException e) {
            return logical;
        }
    }
}
