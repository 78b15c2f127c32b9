package com.partnersportal.settlement.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

    @Test
    void thePdfIsBilingualAndItsQrImageDecodesToTheInvoicesTlv() throws Exception {
        InvoiceDocument invoice = Invoices.november(12, InvoiceHash.FIRST_PREVIOUS_HASH, "2500.00");
        String hash = InvoiceHash.of(UblInvoice.write(invoice, null));
        String qr = ZatcaQr.of(invoice, hash);

        byte[] pdf = InvoicePdf.render(invoice, qr, hash);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Tax Invoice", "INV-00000012", "310123456700003", "300000000000003", "2875.00",
                    "375.00", hash);
            assertThat(text.codePoints().filter(ArabicText::isArabic).count()).isGreaterThan(50);

            PDResources resources = document.getPage(0).getResources();
            PDImageXObject image = null;
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject found) {
                    image = found;
                }
            }
            assertThat(image).isNotNull();
            assertThat(decode(image.getImage())).isEqualTo(qr);
            assertThat(ZatcaQr.decode(decode(image.getImage())).get(6)).isEqualTo(hash);
        }
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    @Test
    void arabicIsShapedAndPutInVisualOrder() {
        String visual = ArabicText.visual("فاتورة");
        assertThat(visual).hasSize(6);
        assertThat(visual.codePoints().allMatch(cp -> cp >= 0xFE70 && cp <= 0xFEFF)).isTrue();
        assertThat(ArabicText.visual("Tax Invoice")).isEqualTo("Tax Invoice");
        assertThat(ArabicText.visual("رسوم لشهر 2026-11")).startsWith("2026-11 ").doesNotContain("\u2066", "\u2069");
    }
}
