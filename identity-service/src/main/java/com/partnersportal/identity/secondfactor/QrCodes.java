package com.partnersportal.identity.secondfactor;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Draws a QR code (ZXing, as settlement's invoices do) as an SVG image in a {@code data:} address, so the portal
 * shows it with a plain {@code <img>}: no script, no third party, nothing cached elsewhere.
 */
final class QrCodes {

    private static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    static String svgDataUri(String text) {
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg(text).getBytes(StandardCharsets.UTF_8));
    }

    /** One module per unit, black on white, with the standard 4-module quiet zone. */
    static String svg(String text) {
        BitMatrix matrix = matrix(text);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    int run = 1;
                    while (x + run < matrix.getWidth() && matrix.get(x + run, y)) {
                        run++;
                    }
                    path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run)
                            .append('z');
                    x += run - 1;
                }
            }
        }
        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %1$d %2$d" width="%3$d" height="%4$d" \
                shape-rendering="crispEdges"><rect width="100%%" height="100%%" fill="#fff"/>\
                <path fill="#000" d="%5$s"/></svg>"""
                .formatted(matrix.getWidth(), matrix.getHeight(), matrix.getWidth() * 5, matrix.getHeight() * 5, path);
    }

    static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot draw the QR code", e);
        }
    }
}
