package com.partnersportal.settlement.invoice;

import com.partnersportal.settlement.profile.VatNumbers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The invoice as UBL 2.1 XML in ZATCA's shape: profile {@code reporting:1.0}, a standard tax invoice (type 388,
 * name {@code 0100000}), the ICV and PIH document references, and the QR code as a third reference. The XML is
 * written without indentation, so that removing the QR reference (as the invoice hash requires) leaves no stray
 * whitespace and anyone recomputing the hash from the file gets the same canonical bytes.
 */
public final class UblInvoice {

    public static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    public static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    public static final String EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Document xml;
    private final String currency;

    private UblInvoice(Document xml, String currency) {
        this.xml = xml;
        this.currency = currency;
    }

    /** The invoice's XML; {@code qr} is the base64 TLV of its QR code, or null for the form that is hashed. */
    public static byte[] write(InvoiceDocument invoice, String qr) {
        return write(invoice, qr, false);
    }

    /**
     * The invoice's XML with, when {@code stamped}, the {@code cac:Signature} element that points at the XAdES
     * signature (which {@link com.partnersportal.settlement.invoice.stamp.XadesStamp} then inserts).
     */
    public static byte[] write(InvoiceDocument invoice, String qr, boolean stamped) {
        UblInvoice builder = new UblInvoice(newDocument(), invoice.currency());
        builder.build(invoice, qr, stamped);
        return serialise(builder.xml);
    }

    public static Document parse(byte[] xml) {
        try {
            return factory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML", e);
        }
    }

    private void build(InvoiceDocument invoice, String qr, boolean stamped) {
        Element root = xml.createElementNS(INVOICE_NS, "Invoice");
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", INVOICE_NS);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:cac", CAC);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:cbc", CBC);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ext", EXT);
        xml.appendChild(root);

        cbc(root, "ProfileID", "reporting:1.0");
        cbc(root, "ID", invoice.invoiceNumber());
        cbc(root, "UUID", invoice.uuid().toString());
        cbc(root, "IssueDate", invoice.issueDate().toString());
        cbc(root, "IssueTime", TIME.format(invoice.issueTime()));
        cbc(root, "InvoiceTypeCode", invoice.type().code()).setAttribute("name", "0100000");
        cbc(root, "Note", "رسوم الخدمة لشهر " + invoice.month()).setAttribute("languageID", "ar");
        cbc(root, "Note", "Service fees for " + invoice.month()).setAttribute("languageID", "en");
        cbc(root, "DocumentCurrencyCode", currency);
        cbc(root, "TaxCurrencyCode", currency);
        Element period = cac(root, "InvoicePeriod");
        cbc(period, "StartDate", invoice.periodStart().toString());
        cbc(period, "EndDate", invoice.supplyDate().toString());
        if (invoice.billingReference() != null) {
            cbc(cac(cac(root, "BillingReference"), "InvoiceDocumentReference"), "ID", invoice.billingReference());
        }

        Element icv = cac(root, "AdditionalDocumentReference");
        cbc(icv, "ID", "ICV");
        cbc(icv, "UUID", Long.toString(invoice.icv()));
        attachment(root, "PIH", invoice.previousHash());
        if (qr != null) {
            attachment(root, "QR", qr);
        }
        if (stamped) {
            Element signature = cac(root, "Signature");
            cbc(signature, "ID", "urn:oasis:names:specification:ubl:signature:Invoice");
            cbc(signature, "SignatureMethod", "urn:oasis:names:specification:ubl:dsig:enveloped:xades");
        }

        party(cac(root, "AccountingSupplierParty"), invoice.seller(), null);
        party(cac(root, "AccountingCustomerParty"), invoice.buyer(), invoice.buyerAddressLine());

        Element delivery = cac(root, "Delivery");
        cbc(delivery, "ActualDeliveryDate", invoice.supplyDate().toString());
        Element paymentMeans = cac(root, "PaymentMeans");
        cbc(paymentMeans, "PaymentMeansCode", "97");
        if (invoice.reason() != null) {
            cbc(paymentMeans, "InstructionNote", invoice.reason());
        }

        amount(cac(root, "TaxTotal"), "TaxAmount", invoice.vatAmount());
        Element taxTotal = cac(root, "TaxTotal");
        amount(taxTotal, "TaxAmount", invoice.vatAmount());
        Element subtotal = cac(taxTotal, "TaxSubtotal");
        amount(subtotal, "TaxableAmount", invoice.taxableAmount());
        amount(subtotal, "TaxAmount", invoice.vatAmount());
        taxCategory(cac(subtotal, "TaxCategory"), invoice.vatRate());

        Element totals = cac(root, "LegalMonetaryTotal");
        amount(totals, "LineExtensionAmount", invoice.taxableAmount());
        amount(totals, "TaxExclusiveAmount", invoice.taxableAmount());
        amount(totals, "TaxInclusiveAmount", invoice.totalWithVat());
        amount(totals, "AllowanceTotalAmount", BigDecimal.ZERO);
        amount(totals, "PrepaidAmount", BigDecimal.ZERO);
        amount(totals, "PayableAmount", invoice.totalWithVat());

        Element line = cac(root, "InvoiceLine");
        cbc(line, "ID", "1");
        cbc(line, "InvoicedQuantity", "1.000000").setAttribute("unitCode", "PCE");
        amount(line, "LineExtensionAmount", invoice.taxableAmount());
        Element lineTax = cac(line, "TaxTotal");
        amount(lineTax, "TaxAmount", invoice.vatAmount());
        amount(lineTax, "RoundingAmount", invoice.totalWithVat());
        Element item = cac(line, "Item");
        cbc(item, "Description", invoice.lineNameAr()).setAttribute("languageID", "ar");
        cbc(item, "Name", invoice.lineNameEn());
        taxCategory(cac(item, "ClassifiedTaxCategory"), invoice.vatRate());
        amount(cac(line, "Price"), "PriceAmount", invoice.taxableAmount());
    }

    private void attachment(Element root, String id, String base64Text) {
        Element reference = cac(root, "AdditionalDocumentReference");
        cbc(reference, "ID", id);
        cbc(cac(reference, "Attachment"), "EmbeddedDocumentBinaryObject", base64Text).setAttribute("mimeCode", "text/plain");
    }

    private void party(Element role, Party party, String addressLine) {
        Element p = cac(role, "Party");
        if (party.commercialRegistration() != null && !party.commercialRegistration().isBlank()) {
            cbc(cac(p, "PartyIdentification"), "ID", party.commercialRegistration()).setAttribute("schemeID", "CRN");
        }
        if (party.nameEn() != null && !party.nameEn().isBlank()) {
            cbc(cac(p, "PartyName"), "Name", party.nameEn());
        }
        Element address = cac(p, "PostalAddress");
        optional(address, "StreetName", addressLine != null ? addressLine : party.street());
        optional(address, "BuildingNumber", party.buildingNumber());
        optional(address, "CitySubdivisionName", party.district());
        optional(address, "CityName", party.city());
        optional(address, "PostalZone", party.postalCode());
        cbc(cac(address, "Country"), "IdentificationCode", party.countryCode());
        if (VatNumbers.isValidKsa(party.vatNumber())) {
            Element taxScheme = cac(p, "PartyTaxScheme");
            cbc(taxScheme, "CompanyID", party.vatNumber());
            cbc(cac(taxScheme, "TaxScheme"), "ID", "VAT");
        }
        cbc(cac(p, "PartyLegalEntity"), "RegistrationName", party.legalName());
    }

    private void taxCategory(Element category, BigDecimal rate) {
        Element id = cbc(category, "ID", "S");
        id.setAttribute("schemeID", "UN/ECE 5305");
        id.setAttribute("schemeAgencyID", "6");
        cbc(category, "Percent", rate.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        Element scheme = cbc(cac(category, "TaxScheme"), "ID", "VAT");
        scheme.setAttribute("schemeID", "UN/ECE 5153");
        scheme.setAttribute("schemeAgencyID", "6");
    }

    private void amount(Element parent, String name, BigDecimal value) {
        cbc(parent, name, value.setScale(2, RoundingMode.UNNECESSARY).toPlainString()).setAttribute("currencyID", currency);
    }

    private void optional(Element parent, String name, String value) {
        if (value != null && !value.isBlank()) {
            cbc(parent, name, value);
        }
    }

    private Element cbc(Element parent, String name, String text) {
        Element element = xml.createElementNS(CBC, "cbc:" + name);
        element.setTextContent(text);
        parent.appendChild(element);
        return element;
    }

    private Element cac(Element parent, String name) {
        Element element = xml.createElementNS(CAC, "cac:" + name);
        parent.appendChild(element);
        return element;
    }

    private static Document newDocument() {
        try {
            Document document = factory().newDocumentBuilder().newDocument();
            document.setXmlStandalone(true);
            return document;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }

    private static byte[] serialise(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
