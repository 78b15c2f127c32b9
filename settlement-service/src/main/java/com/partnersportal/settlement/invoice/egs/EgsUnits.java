package com.partnersportal.settlement.invoice.egs;

import com.partnersportal.kit.secrets.SecretEncryption;
import com.partnersportal.settlement.invoice.fatoora.FatooraModels;
import com.partnersportal.settlement.invoice.stamp.Secp256k1;
import com.partnersportal.settlement.invoice.stamp.StampIdentity;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The EGS unit's rows: secrets go through {@link SecretEncryption} on the way in and out, each bound to its row and
 * column ({@code <id>:<column>}).
 */
@Repository
public class EgsUnits {

    private final JdbcClient jdbc;
    private final SecretEncryption secrets;
    private final Clock clock;

    EgsUnits(JdbcClient jdbc, SecretEncryption secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The production CSID that signs and authenticates submissions now, with the key it was issued for. */
    public record Active(UUID unitId, StampIdentity identity, FatooraModels.Csid csid, Instant notAfter) {
    }

    public Optional<Active> active(String environment) {
        return jdbc.sql("SELECT * FROM zatca_egs_unit WHERE environment = :env AND status = 'ACTIVE'")
                .param("env", environment)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    StampIdentity identity = StampIdentity.of(privateKey(rs), rs.getBytes("certificate"));
                    FatooraModels.Csid csid = new FatooraModels.Csid(parseLong(rs.getString("production_request_id")), null,
                            secrets.decrypt(rs.getBytes("production_token"), id + ":production_token"),
                            secrets.decrypt(rs.getBytes("production_secret"), id + ":production_secret"));
                    return new Active(id, identity, csid, rs.getTimestamp("not_after").toInstant());
                }).optional();
    }

    public List<EgsUnit> all(String environment) {
        return jdbc.sql("SELECT * FROM zatca_egs_unit WHERE environment = :env ORDER BY created_at DESC")
                .param("env", environment).query(EgsUnits::view).list();
    }

    Optional<EgsUnit> find(UUID id) {
        return jdbc.sql("SELECT * FROM zatca_egs_unit WHERE id = :id").param("id", id).query(EgsUnits::view).optional();
    }

    Optional<UUID> onboardingInProgress(String environment) {
        return jdbc.sql("SELECT id FROM zatca_egs_unit WHERE environment = :env AND status IN ('COMPLIANCE', 'CHECKED')")
                .param("env", environment).query(UUID.class).optional();
    }

    /** The unit's signing key and its compliance CSID (for the compliance checks and the production CSID request). */
    record Compliance(StampIdentity identity, FatooraModels.Csid csid) {
    }

    Compliance compliance(UUID id) {
        return jdbc.sql("SELECT * FROM zatca_egs_unit WHERE id = :id").param("id", id).query((rs, n) -> {
            FatooraModels.Csid csid = new FatooraModels.Csid(parseLong(rs.getString("compliance_request_id")), null,
                    secrets.decrypt(rs.getBytes("compliance_token"), id + ":compliance_token"),
                    secrets.decrypt(rs.getBytes("compliance_secret"), id + ":compliance_secret"));
            return new Compliance(StampIdentity.of(privateKey(rs), csid.certificateDer()), csid);
        }).single();
    }

    void insertCompliance(UUID id, String environment, EgsCsr.Fields fields, byte[] privateKeyPkcs8, String csr,
            FatooraModels.Csid compliance) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO zatca_egs_unit (id, environment, status, common_name, egs_serial_number, vat_number,
                            invoice_types, private_key, csr, compliance_request_id, compliance_token, compliance_secret,
                            created_at, updated_at)
                        VALUES (:id, :env, 'COMPLIANCE', :cn, :serial, :vat, :types, :key, :csr, :requestId, :token,
                            :secret, :now, :now)""")
                .param("id", id).param("env", environment).param("cn", fields.commonName())
                .param("serial", fields.serialNumber()).param("vat", fields.vatNumber())
                .param("types", fields.invoiceTypes())
                .param("key", secrets.encrypt(privateKeyPkcs8, id + ":private_key"))
                .param("csr", csr)
                .param("requestId", String.valueOf(compliance.requestID()))
                .param("token", secrets.encrypt(compliance.binarySecurityToken(), id + ":compliance_token"))
                .param("secret", secrets.encrypt(compliance.secret(), id + ":compliance_secret"))
                .param("now", Timestamp.from(now))
                .update();
    }

    void complianceChecked(UUID id, String checksJson, boolean passed, String error) {
        jdbc.sql("""
                        UPDATE zatca_egs_unit SET compliance_checks = CAST(:checks AS JSONB), last_error = :error,
                            status = CASE WHEN :passed THEN 'CHECKED' ELSE status END, updated_at = :now
                        WHERE id = :id""")
                .param("id", id).param("checks", checksJson).param("passed", passed).param("error", error)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    void failed(UUID id, String error) {
        jdbc.sql("UPDATE zatca_egs_unit SET last_error = :error, updated_at = :now WHERE id = :id")
                .param("id", id).param("error", error).param("now", Timestamp.from(clock.instant())).update();
    }

    /** An onboarding that will not be completed: out of the way of a new one, kept for operators. */
    void abandon(UUID id, String reason) {
        jdbc.sql("UPDATE zatca_egs_unit SET status = 'SUPERSEDED', last_error = :reason, updated_at = :now WHERE id = :id")
                .param("id", id).param("reason", reason).param("now", Timestamp.from(clock.instant())).update();
    }

    /** Makes {@code id} the signing unit with its production CSID; the unit that signed before is superseded. */
    void activate(UUID id, String environment, FatooraModels.Csid production, X509Certificate certificate) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE zatca_egs_unit SET status = 'SUPERSEDED', updated_at = :now WHERE environment = :env AND status = 'ACTIVE'")
                .param("env", environment).param("now", Timestamp.from(now)).update();
        jdbc.sql("""
                        UPDATE zatca_egs_unit SET status = 'ACTIVE', production_request_id = :requestId,
                            production_token = :token, production_secret = :secret, certificate = :certificate,
                            certificate_serial = :serial, not_after = :notAfter, last_error = NULL, activated_at = :now,
                            updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .param("requestId", String.valueOf(production.requestID()))
                .param("token", secrets.encrypt(production.binarySecurityToken(), id + ":production_token"))
                .param("secret", secrets.encrypt(production.secret(), id + ":production_secret"))
                .param("certificate", production.certificateDer())
                .param("serial", certificate.getSerialNumber().toString())
                .param("notAfter", Timestamp.from(certificate.getNotAfter().toInstant()))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** A renewal: a new unit row with its own key, active at once with the renewed production CSID. */
    void insertRenewal(UUID id, UUID renewalOf, String environment, EgsCsr.Fields fields, byte[] privateKeyPkcs8,
            String csr, FatooraModels.Csid production, X509Certificate certificate) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO zatca_egs_unit (id, environment, status, common_name, egs_serial_number, vat_number,
                            invoice_types, private_key, csr, renewal_of, created_at, updated_at)
                        VALUES (:id, :env, 'CHECKED', :cn, :serial, :vat, :types, :key, :csr, :renewalOf, :now, :now)""")
                .param("id", id).param("env", environment).param("cn", fields.commonName())
                .param("serial", fields.serialNumber()).param("vat", fields.vatNumber())
                .param("types", fields.invoiceTypes())
                .param("key", secrets.encrypt(privateKeyPkcs8, id + ":private_key"))
                .param("csr", csr).param("renewalOf", renewalOf).param("now", Timestamp.from(now))
                .update();
        activate(id, environment, production, certificate);
    }

    private java.security.PrivateKey privateKey(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return Secp256k1.privateKey(secrets.open(rs.getBytes("private_key"), id + ":private_key").plaintext());
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static EgsUnit view(ResultSet rs, int n) throws SQLException {
        Timestamp notAfter = rs.getTimestamp("not_after");
        Timestamp activated = rs.getTimestamp("activated_at");
        return new EgsUnit(rs.getObject("id", UUID.class), rs.getString("environment"),
                EgsUnit.Status.valueOf(rs.getString("status")), rs.getString("common_name"),
                rs.getString("egs_serial_number"), rs.getString("vat_number"), rs.getString("invoice_types"),
                rs.getString("compliance_request_id"), rs.getString("compliance_checks"),
                rs.getString("production_request_id"), rs.getString("certificate_serial"),
                notAfter == null ? null : notAfter.toInstant(), rs.getObject("renewal_of", UUID.class),
                rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                activated == null ? null : activated.toInstant());
    }
}
