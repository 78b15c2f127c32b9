package com.partnersportal.settlement.invoice.egs;

import com.partnersportal.kit.secrets.SecretEncryption;
import com.partnersportal.kit.secrets.SecretReEncryption;
import com.partnersportal.kit.secrets.SecretReEncryption.SecretColumn;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After a change of {@code portal.settlement.zatca.encryption-key} (the old one in {@code previous-encryption-keys}) or
 * of the stored format, each start rewrites the EGS units' secrets still sealed the old way, so the old key can go.
 * A secret no configured key decrypts is reported; the unit it belongs to cannot sign or submit until the key is back.
 */
@Component
class StartupReEncryption implements ApplicationRunner {

    private static final List<SecretColumn> SECRETS = List.of("private_key", "compliance_token", "compliance_secret",
                    "production_token", "production_secret").stream()
            .map(column -> new SecretColumn("zatca_egs_unit", "id", column, id -> id + ":" + column))
            .toList();

    private final JdbcClient jdbc;
    private final SecretEncryption secrets;

    StartupReEncryption(JdbcClient jdbc, SecretEncryption secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecretReEncryption.rewriteStaleAndLog(jdbc, secrets, SECRETS, "list the key that encrypted them in "
                + "portal.settlement.zatca.previous-encryption-keys (the EGS unit cannot sign or submit until then)");
    }
}
