package com.partnersportal.settlement.invoice;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.partnersportal.settlement.invoice.stamp.XadesStamp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The KSA e-invoice QR code: TLV fields (1-byte tag, 1-byte length counted in bytes, the value), concatenated and
 * base64-encoded. Tags 1-5 are phase 1's (seller name, VAT number, timestamp, total with VAT, VAT total); phase 2
 * adds 6 the invoice hash and 7 the stamp's ECDSA signature (both as base64 text), 8 the stamp's public key and, for
 * simplified documents only, 9 the CA's signature of the stamp certificate (both as raw DER bytes).
 */
public final class ZatcaQr {

    private ZatcaQr() {
    }

    public static String tlv(Map<Integer, byte[]> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((tag, bytes) -> {
            if (tag < 1 || tag > 255 || bytes.length > 255) {
                throw new IllegalArgumentException("TLV tag %d: a tag and a length are one byte each".formatted(tag));
            }
            out.write(tag);
            out.write(bytes.length);
            out.writeBytes(bytes);
        });
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** Tags 1-6: what the invoice states and its hash, before it is stamped. */
    public static String of(InvoiceDocument invoice, String invoiceHash) {
        return tlv(phaseOne(invoice, invoiceHash));
    }

    /** Tags 1-8 (and 9 when {@code simplified}): the invoice, its hash and the stamp that signed it. */
    public static String stamped(InvoiceDocument invoice, XadesStamp.Signed stamp, boolean simplified) {
        Map<Integer, byte[]> fields = phaseOne(invoice, stamp.invoiceHash());
        fields.put(7, utf8(stamp.signatureValue()));
        fields.put(8, stamp.identity().publicKeyDer());
        if (simplified) {
            fields.put(9, stamp.identity().certificateSignature());
        }
        return tlv(fields);
    }

    private static Map<Integer, byte[]> phaseOne(InvoiceDocument invoice, String invoiceHash) {
        Map<Integer, byte[]> fields = new LinkedHashMap<>();
        fields.put(1, utf8(invoice.seller().legalName()));
        fields.put(2, utf8(invoice.seller().vatNumber()));
        fields.put(3, utf8(invoice.issueTimestamp()));
        fields.put(4, utf8(invoice.totalWithVat().toPlainString()));
        fields.put(5, utf8(invoice.vatAmount().toPlainString()));
        fields.put(6, utf8(invoiceHash));
        return fields;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads TLV fields back, each value as its bytes. */
    public static Map<Integer, byte[]> fields(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        Map<Integer, byte[]> fields = new LinkedHashMap<>();
        int i = 0;
        while (i + 2 <= bytes.length) {
            int tag = bytes[i] & 0xFF;
            int length = bytes[i + 1] & 0xFF;
            fields.put(tag, Arrays.copyOfRange(bytes, i + 2, Math.min(bytes.length, i + 2 + length)));
            i += 2 + length;
        }
        return fields;
    }

    /** Reads the text fields (1-7) back; the binary tags 8 and 9 are left out. */
    public static Map<Integer, String> decode(String base64) {
        Map<Integer, String> text = new LinkedHashMap<>();
        fields(base64).forEach((tag, value) -> {
            if (tag < 8) {
                text.put(tag, new String(value, StandardCharsets.UTF_8));
            }
        });
        return text;
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
