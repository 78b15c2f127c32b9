package com.partnersportal.settlement.invoice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The bilingual (Arabic and English) PDF of a tax invoice, with its QR code. The fonts are bundled (Noto Naskh
 * Arabic and Noto Sans, OFL), so the PDF looks the same on any machine; Arabic is shaped and reordered by
 * {@link ArabicText} because PDFBox draws glyphs as given.
 */
public final class InvoicePdf {

    private static final float MARGIN = 40;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float RIGHT = WIDTH - MARGIN;

    private final PDDocument pdf;
    private final PDPageContentStream page;
    private final Fonts regular;
    private final Fonts bold;
    private float y;

    private record Fonts(PDFont latin, PDFont arabic) {
    }

    private InvoicePdf(PDDocument pdf, PDPageContentStream page) throws IOException {
        this.pdf = pdf;
        this.page = page;
        this.regular = new Fonts(font(pdf, "NotoSans-Regular.ttf"), font(pdf, "NotoNaskhArabic-Regular.ttf"));
        this.bold = new Fonts(font(pdf, "NotoSans-Bold.ttf"), font(pdf, "NotoNaskhArabic-Bold.ttf"));
        this.y = PDRectangle.A4.getHeight() - MARGIN;
    }

    public static byte[] render(InvoiceDocument invoice, String qr, String invoiceHash) {
        return render(invoice, qr, invoiceHash, null, null);
    }

    /**
     * The PDF; with {@code xml} (the document as ZATCA cleared it) a PDF/A-3 (level B) that carries that XML as an
     * associated file ({@code AFRelationship /Data}), as KSA's e-invoicing rules allow a PDF to carry the invoice.
     */
    public static byte[] render(InvoiceDocument invoice, String qr, String invoiceHash, byte[] xml, String clearance) {
        try (PDDocument pdf = new PDDocument()) {
            PDPage a4 = new PDPage(PDRectangle.A4);
            pdf.addPage(a4);
            PDDocumentInformation info = pdf.getDocumentInformation();
            String title = invoice.type().titleEn() + " " + invoice.invoiceNumber();
            info.setTitle(title);
            info.setSubject(invoice.type().titleAr());
            info.setProducer("Partners Portal settlement-service");
            info.setCreationDate(java.util.GregorianCalendar.from(invoice.issueDate().atTime(invoice.issueTime())
                    .atZone(TaxInvoice.KSA)));
            try (PDPageContentStream content = new PDPageContentStream(pdf, a4)) {
                new InvoicePdf(pdf, content).draw(invoice, qr, invoiceHash, clearance);
            }
            if (xml != null) {
                PdfA3.make(pdf, title, info.getCreationDate(), xml, invoice.invoiceNumber() + ".xml");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the invoice PDF", e);
        }
    }

    private void draw(InvoiceDocument invoice, String qr, String invoiceHash, String clearance) throws IOException {
        PDImageXObject code = LosslessFactory.createFromImage(pdf, ZatcaQr.image(qr, 300));
        page.drawImage(code, MARGIN, y - 120, 120, 120);
        left(bold, 20, invoice.type().titleEn(), MARGIN + 135, y - 22);
        right(bold, 22, invoice.type().titleAr(), RIGHT, y - 22);
        left(regular, 10, "Standard (B2B)", MARGIN + 135, y - 40);
        right(regular, 10, "قياسي", RIGHT, y - 40);
        if (clearance != null) {
            left(regular, 9, clearance, MARGIN + 135, y - 56);
            right(regular, 9, "معتمدة من هيئة الزكاة والضريبة والجمارك", RIGHT, y - 56);
        }
        y -= 140;

        String currency = invoice.currency();
        List<Row> header = new ArrayList<>(List.of(
                row("Number", invoice.invoiceNumber(), "الرقم"),
                row("Issue date", invoice.issueDate().toString(), "تاريخ الإصدار"),
                row("Issue time", invoice.issueTimestamp().substring(11), "وقت الإصدار"),
                row("Billing period", invoice.periodStart() + " – " + invoice.supplyDate(), "فترة الفوترة"),
                row("Date of supply", invoice.supplyDate().toString(), "تاريخ التوريد"),
                row("Currency", currency, "العملة")));
        if (invoice.type().isNote()) {
            header.add(row("Original invoice", invoice.billingReference(), "الفاتورة الأصلية"));
            header.add(row("Reason", invoice.reason().split(" / ")[0], "السبب"));
        }
        rows(header);
        y -= 8;
        party("Seller", "البائع", invoice.seller(), null);
        party("Buyer", "المشتري", invoice.buyer(), invoice.buyerAddressLine());

        y -= 6;
        line(MARGIN, RIGHT);
        y -= 16;
        left(bold, 9, "Description / الوصف", MARGIN, y);
        left(bold, 9, "Qty", 270, y);
        left(bold, 9, "Unit price excl. VAT", 300, y);
        left(bold, 9, "VAT %", 400, y);
        left(bold, 9, "VAT", 440, y);
        right(bold, 9, "Total incl. VAT", RIGHT, y);
        y -= 16;
        left(regular, 9, invoice.lineNameEn(), MARGIN, y);
        left(regular, 9, "1", 270, y);
        left(regular, 9, money(invoice.taxableAmount()), 300, y);
        left(regular, 9, invoice.vatRate().setScale(2, RoundingMode.UNNECESSARY).toPlainString(), 400, y);
        left(regular, 9, money(invoice.vatAmount()), 440, y);
        right(regular, 9, money(invoice.totalWithVat()), RIGHT, y);
        y -= 15;
        right(regular, 10, invoice.lineNameAr(), 265, y);
        y -= 10;
        line(MARGIN, RIGHT);
        y -= 8;

        rows(List.of(
                row("Total excluding VAT (" + currency + ")", money(invoice.taxableAmount()), "الإجمالي غير شامل ضريبة القيمة المضافة"),
                row("VAT " + invoice.vatRate().stripTrailingZeros().toPlainString() + " % (" + currency + ")",
                        money(invoice.vatAmount()), "ضريبة القيمة المضافة"),
                row("Total including VAT (" + currency + ")", money(invoice.totalWithVat()), "الإجمالي شامل ضريبة القيمة المضافة")));

        y -= 20;
        left(regular, 7, "Invoice counter (ICV): " + invoice.icv() + "    UUID: " + invoice.uuid(), MARGIN, y);
        y -= 11;
        left(regular, 7, "Invoice hash: " + invoiceHash, MARGIN, y);
        y -= 11;
        left(regular, 7, "Previous invoice hash (PIH): " + invoice.previousHash(), MARGIN, y);
    }

    private record Row(String english, String value, String arabic) {
    }

    private static Row row(String english, String value, String arabic) {
        return new Row(english, value == null || value.isBlank() ? "—" : value, arabic);
    }

    private void rows(List<Row> rows) throws IOException {
        for (Row row : rows) {
            y -= 16;
            left(regular, 10, row.english(), MARGIN, y);
            text(bold, 10, row.value(), 200, y);
            right(regular, 10, row.arabic(), RIGHT, y);
        }
    }

    private void party(String english, String arabic, Party party, String addressLine) throws IOException {
        y -= 18;
        left(bold, 11, english, MARGIN, y);
        right(bold, 11, arabic, RIGHT, y);
        String address = addressLine != null ? addressLine : String.join(", ", nonBlank(party.buildingNumber() + " "
                + party.street(), party.district(), party.city(), party.postalCode(), party.countryCode()));
        rows(List.of(
                row("Name", party.nameEn(), "الاسم"),
                row("Name (Arabic)", party.nameAr(), "الاسم بالعربية"),
                row("VAT number", party.vatNumber(), "الرقم الضريبي"),
                row("CR number", party.commercialRegistration(), "رقم السجل التجاري"),
                row("Address", address, "العنوان")));
    }

    private static List<String> nonBlank(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank() && !"null".equals(p.trim()))
                .map(String::trim).toList();
    }

    private void line(float from, float to) throws IOException {
        page.moveTo(from, y);
        page.lineTo(to, y);
        page.setLineWidth(0.5f);
        page.stroke();
    }

    private void left(Fonts fonts, float size, String text, float x, float baseline) throws IOException {
        text(fonts, size, text, x, baseline);
    }

    private void right(Fonts fonts, float size, String text, float rightEdge, float baseline) throws IOException {
        text(fonts, size, text, rightEdge - width(fonts, size, ArabicText.visual(text)), baseline);
    }

    /** Draws text in visual order, each run in the font that has its script. */
    private void text(Fonts fonts, float size, String logical, float x, float baseline) throws IOException {
        String visual = ArabicText.visual(logical);
        float cursor = x;
        for (Run run : runs(visual)) {
            PDFont font = run.arabic() ? fonts.arabic() : fonts.latin();
            String drawable = drawable(font, run.text());
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(cursor, baseline);
            page.showText(drawable);
            page.endText();
            cursor += font.getStringWidth(drawable) / 1000 * size;
        }
    }

    private float width(Fonts fonts, float size, String visual) throws IOException {
        float width = 0;
        for (Run run : runs(visual)) {
            PDFont font = run.arabic() ? fonts.arabic() : fonts.latin();
            width += font.getStringWidth(drawable(font, run.text())) / 1000 * size;
        }
        return width;
    }

    private record Run(String text, boolean arabic) {
    }

    private static List<Run> runs(String visual) {
        ArrayList<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Boolean arabic = null;
        for (int i = 0; i < visual.length(); ) {
            int cp = visual.codePointAt(i);
            boolean isArabic = ArabicText.isArabic(cp);
            boolean neutral = cp == ' ';
            if (arabic != null && !neutral && isArabic != arabic) {
                runs.add(new Run(current.toString(), arabic));
                current.setLength(0);
            }
            if (!neutral || arabic == null) {
                arabic = neutral ? Boolean.FALSE : isArabic;
            }
            current.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), arabic));
        }
        return runs;
    }

    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();

    /** The text with characters the font cannot draw replaced, so that one odd character never fails a PDF. */
    private String drawable(PDFont font, String text) {
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            boolean ok = known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            out.appendCodePoint(ok ? cp : '?');
        });
        return out.toString();
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static PDFont font(PDDocument pdf, String file) throws IOException {
        try (InputStream in = InvoicePdf.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IOException("bundled font " + file + " is missing");
            }
            return PDType0Font.load(pdf, in, true);
        }
    }
}
