package com.partnersportal.kit.json;

/**
 * What the platform accepts inside any text a caller sends (JSON strings, query parameters, path segments,
 * headers): no NUL or other C0 control characters but tab, line feed and carriage return, no unpaired
 * UTF-16 surrogates, no Unicode noncharacters, and no explicit bidirectional embeddings, overrides or isolates
 * (U+202A–U+202E, U+2066–U+2069), which make a value display as another (U+202E then "gnp.exe" shows as "exe.png").
 * PostgreSQL cannot store NUL, a lone surrogate would be stored as "?", and none of these has a meaning in a name,
 * a reference or a comment. The marks U+200E and U+200F, which Arabic text uses, are allowed.
 */
public final class CleanText {

    private CleanText() {
    }

    /** The index of the first character the platform refuses, or -1 when the text is clean. */
    public static int firstRefused(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                if (isNoncharacter(Character.toCodePoint(c, text.charAt(i + 1)))) {
                    return i;
                }
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c) || isNoncharacter(c) || isBidiControl(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isClean(CharSequence text) {
        return text == null || firstRefused(text) < 0;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
