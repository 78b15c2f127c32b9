package com.partnersportal.settlement.invoice;

import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * The official OASIS UBL 2.1 Invoice schema (from the ph-ubl21 jar, test scope), with the W3C XML Signature, ETSI
 * XAdES and UN/CEFACT CCTS schemas it imports by namespace only (from the ph-xsds jars): nothing is fetched from
 * the network and nothing is a hand-written subset.
 */
final class Ubl21Schema {

    private static final Map<String, String> IMPORTS_BY_NAMESPACE = Map.of(
            "http://www.w3.org/2000/09/xmldsig#", "schemas/xmldsig-core-schema.xsd",
            "http://uri.etsi.org/01903/v1.3.2#", "schemas/XAdES01903v132-201601.xsd",
            "http://uri.etsi.org/01903/v1.4.1#", "schemas/XAdES01903v141-201601.xsd",
            "urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2", "schemas/CCTS_CCT_SchemaModule.xsd");

    private static volatile Schema schema;

    private Ubl21Schema() {
    }

    static Schema invoice() throws Exception {
        if (schema == null) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setResourceResolver(new ByNamespace(factory.getResourceResolver()));
            URL main = Ubl21Schema.class.getClassLoader().getResource("external/schemas/ubl21/maindoc/UBL-Invoice-2.1.xsd");
            if (main == null) {
                throw new IllegalStateException("the UBL 2.1 schemas are not on the test classpath (ph-ubl21)");
            }
            schema = factory.newSchema(new StreamSource(main.openStream(), main.toExternalForm()));
        }
        return schema;
    }

    private record ByNamespace(LSResourceResolver fallback) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            String resource = systemId == null ? IMPORTS_BY_NAMESPACE.get(namespace) : null;
            if (resource == null) {
                return fallback == null ? null : fallback.resolveResource(type, namespace, publicId, systemId, baseUri);
            }
            URL url = Ubl21Schema.class.getClassLoader().getResource(resource);
            return new Input(url.toExternalForm());
        }
    }

    private record Input(String systemId) implements LSInput {
        public Reader getCharacterStream() { return null; }
        public void setCharacterStream(Reader characterStream) { }
        public InputStream getByteStream() { return null; }
        public void setByteStream(InputStream byteStream) { }
        public String getStringData() { return null; }
        public void setStringData(String stringData) { }
        public String getSystemId() { return systemId; }
        public void setSystemId(String systemId) { }
        public String getPublicId() { return null; }
        public void setPublicId(String publicId) { }
        public String getBaseURI() { return null; }
        public void setBaseURI(String baseURI) { }
        public String getEncoding() { return null; }
        public void setEncoding(String encoding) { }
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean certifiedText) { }
    }
}
