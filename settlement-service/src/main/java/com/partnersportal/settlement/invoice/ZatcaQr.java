package com.partnersportal.settlement.invoice;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The KSA e-invoice QR code: TLV fields (1-byte tag, 1-byte length counted in UTF-8 bytes, the value), concatenated
 * and base64-encoded. Tags 1-5 are phase 1's (seller name, VAT number, timestamp, total with VAT, VAT total); tag 6
 * is phase 2's invoice hash. Tags 7-9 (the cryptographic stamp's signature and keys) need a ZATCA-issued
 * certificate, which this platform does not hold (docs/settlement.md).
 */
public final class ZatcaQr {

    private ZatcaQr() {
    }

    public static String tlv(Map<Integer, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((tag, value) -> {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (tag < 1 || tag > 255 || bytes.length > 255) {
                throw new IllegalArgumentException("TLV tag %d: a tag and a length are one byte each".formatted(tag));
            }
            out.write(tag);
            out.write(bytes.length);
            out.writeBytes(bytes);
        });
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    public static String of(InvoiceDocument invoice, String invoiceHash) {
        Map<Integer, String> fields = new LinkedHashMap<>();
        fields.put(1, invoice.seller().legalName());
        fields.put(2, invoice.seller().vatNumber());
        fields.put(3, invoice.issueTimestamp());
        fields.put(4, invoice.totalWithVat().toPlainString());
        fields.put(5, invoice.vatAmount().toPlainString());
        fields.put(6, invoiceHash);
        return tlv(fields);
    }

    /** Reads TLV fields back (for the PDF's caption and for checks). */
    public static Map<Integer, String> decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        Map<Integer, String> fields = new LinkedHashMap<>();
        int i = 0;
        while (i + 2 <= bytes.length) {
            int tag = bytes[i] & 0xFF;
            int length = bytes[i + 1] & 0xFF;
            fields.put(tag, new String(bytes, i + 2, length, StandardCharsets.UTF_8));
            i += 2 + length;
        }
        return fields;
    }

    /** The QR code image (black on white, a quiet zone of 4 modules), {@code pixels} wide and high. */
    public static BufferedImage image(String qr, int pixels) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(qr, BarcodeFormat.QR_CODE, pixels, pixels,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalStateException("cannot draw the QR code", e);
        }
    }
}
