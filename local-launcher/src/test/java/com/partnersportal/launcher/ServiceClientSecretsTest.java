package com.partnersportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceClientSecretsTest {

    @TempDir
    Path home;

    @Test
    void eachServiceGetsItsOwnFreshSecretAndIdentityOnlyTheirHashes() throws Exception {
        RunDirectory run = new RunDirectory(home);
        ServiceClientSecrets first = ServiceClientSecrets.generate(run);
        ServiceClientSecrets second = ServiceClientSecrets.generate(run);

        assertThat(second.secretOf("gateway")).isNotEqualTo(first.secretOf("gateway")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ServiceClientSecrets.file(run))))
                .isEqualTo("rw-------");
        ServiceClientSecrets loaded = ServiceClientSecrets.load(run);
        assertThat(loaded.environmentOf("orders-service"))
                .containsExactly(Map.entry("PORTAL_SERVICE_CLIENT_SECRET", second.secretOf("orders-service")));
        Map<String, String> identity = loaded.environmentOf("identity-service");
        assertThat(identity).doesNotContainKey("PORTAL_SERVICE_CLIENT_SECRET")
                .containsEntry("PORTAL_SERVICE_CLIENTS_NOTIFICATION_SECRET_SHA256",
                        ServiceClientSecrets.sha256(second.secretOf("notification-service")))
                .containsEntry("PORTAL_SERVICE_CLIENTS_SANDBOX_TOOLS_SECRET_SHA256",
                        ServiceClientSecrets.sha256(second.secretOf("sandbox-tools")))
                .hasSize(6);
        assertThat(identity.values()).noneMatch(hash -> second.secretOf("gateway").equals(hash));

        Path runRoot = run.root();
        ServiceProcess orders = ServiceProcess.backends(run, PostgresCheck.Settings.fromEnvironment(Map.of())).get(1);
        assertThat(orders.environment()).containsEntry("PORTAL_SERVICE_CLIENT_SECRET", second.secretOf("orders-service"));
        assertThat(runRoot).exists();
    }
}
